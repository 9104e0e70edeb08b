/**
 * The reports auditors and SecOps read in ServiceNow (docs/audit.md), one question each. This list is the contract:
 * the Fluent files (now-app/src/fluent/reports/*.now.ts) write each `sys_report` out literally (FLUENT-NOTES: no
 * `.map()`, no template literals in records), the dist tests check the built records against this list field by
 * field, and the executor's evidence pack (`gbg report`) computes the same measures under the same keys.
 *
 * Pure ES2021, dependency-free. Filters are fixed encoded queries written here, never built from record text.
 */
import { AUDIT_FIELDS, GRANT_FIELDS, ROLE, TABLE, TICKET_UPDATE_FIELDS } from './schema'

/** `sys_report.type` values used. */
export type AuditReportType = 'trend' | 'bar' | 'pie' | 'list'

/** One report. */
export interface AuditReport {
    /** Stable key: the report's `Now.ID` is `report-<key>`, the evidence pack's measure has the same key. */
    key: string
    title: string
    /** The one question it answers (stored as the report's description). */
    question: string
    table: string
    type: AuditReportType
    /** Encoded query. */
    filter: string
    /** Group by (`sys_report.field`); list reports: '' */
    groupBy: string
    aggregate: 'COUNT' | 'AVG' | 'MAX'
    /** Aggregated column (`sys_report.sumfield`) for AVG / MAX; '' for COUNT. */
    sumField: string
    /** Trend reports: the date column (`trend_field`) bucketed by week. */
    trendField: string
    /** List reports: columns (`field_list`). */
    fields: string[]
    /** Which dashboards show it. */
    dashboards: ('secops' | 'service_desk')[]
    /** What must hold (e.g. "empty"): the evidence pack flags a breach. */
    target?: string
}

/** Roles a report is shared with (`sys_report.roles`). */
export const REPORT_ROLES: readonly string[] = [ROLE.auditor, ROLE.secops]
/** Roles of the service desk's reports (active / waiting / failed only). */
export const SERVICE_DESK_REPORT_ROLES: readonly string[] = [ROLE.auditor, ROLE.secops, ROLE.agent]

/** States in which access is (or may still be) held. */
export const HOLDING_STATES: readonly string[] = ['active', 'revoking', 'revoke_failed']

/** Audit event types counted as failures and escalations. */
export const FAILURE_EVENT_TYPES: readonly string[] = [
    'grant_failed',
    'revoke_failed',
    'watchdog.incident_raised',
    'approval.escalated',
]

const G = GRANT_FIELDS
const A = AUDIT_FIELDS
const T = TICKET_UPDATE_FIELDS

/** Every report, in the order docs/audit.md lists them. */
export const AUDIT_REPORTS: readonly AuditReport[] = [
    {
        key: 'grants_by_kind_weekly',
        title: 'Break-glass: grants per week by kind',
        question: 'How often was glass broken (access actually granted) each week, and for which kind of target?',
        table: TABLE.grant,
        type: 'trend',
        filter: 'granted_atISNOTEMPTY',
        groupBy: G.targetKind,
        aggregate: 'COUNT',
        sumField: '',
        trendField: G.grantedAt,
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'grants_by_provider_weekly',
        title: 'Break-glass: grants per week by provider',
        question: 'Which provider carried out the grants each week?',
        table: TABLE.grant,
        type: 'trend',
        filter: 'granted_atISNOTEMPTY',
        groupBy: G.provider,
        aggregate: 'COUNT',
        sumField: '',
        trendField: G.grantedAt,
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'refusals_by_reason',
        title: 'Break-glass: policy refusals by reason code',
        question: 'Why are requests refused by policy (first reason code of each refusal)?',
        table: TABLE.grant,
        type: 'bar',
        filter: 'state=policy_rejected',
        groupBy: G.refusalCode,
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'approval_latency_weekly',
        title: 'Break-glass: approval latency (average seconds, submit to approved)',
        question: 'How long do people wait for a human approval, week by week?',
        table: TABLE.grant,
        type: 'trend',
        filter: 'approved_atISNOTEMPTY^auto_approved=false',
        groupBy: '',
        aggregate: 'AVG',
        sumField: G.approvalLatencySeconds,
        trendField: G.approvedAt,
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'time_to_access_weekly',
        title: 'Break-glass: time to access (average seconds, approved to active)',
        question: 'Once approved, how long until the access is actually in place?',
        table: TABLE.grant,
        type: 'trend',
        filter: 'granted_atISNOTEMPTY^approved_atISNOTEMPTY',
        groupBy: '',
        aggregate: 'AVG',
        sumField: G.timeToAccessSeconds,
        trendField: G.grantedAt,
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'revoke_lateness_weekly',
        title: 'Break-glass: revoke lateness (worst seconds past expiry, target 0)',
        question: 'Was access removed on time? The worst lateness of each week (target: zero).',
        table: TABLE.grant,
        type: 'trend',
        filter: 'revoked_atISNOTEMPTY^expires_atISNOTEMPTY',
        groupBy: '',
        aggregate: 'MAX',
        sumField: G.revokeLatenessSeconds,
        trendField: G.revokedAt,
        fields: [],
        dashboards: ['secops'],
        target: 'zero',
    },
    {
        key: 'failures_and_escalations_weekly',
        title: 'Break-glass: failures and escalations per week',
        question:
            'How often did a grant or a revoke fail, did the watchdog raise an incident, or did an approval escalate?',
        table: TABLE.auditEvent,
        type: 'trend',
        filter: 'event_typeINgrant_failed,revoke_failed,watchdog.incident_raised,approval.escalated',
        groupBy: A.eventType,
        aggregate: 'COUNT',
        sumField: '',
        trendField: A.occurredAt,
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'auto_approved_share',
        title: 'Break-glass: approved by rule vs by people',
        question: 'What share of approved requests was approved by an auto-approve rule rather than by people?',
        table: TABLE.grant,
        type: 'pie',
        filter: 'approved_atISNOTEMPTY',
        groupBy: G.autoApproved,
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'emergency_share',
        title: 'Break-glass: emergency vs planned requests',
        question: 'What share of requests were emergencies?',
        table: TABLE.grant,
        type: 'pie',
        filter: '',
        groupBy: G.emergency,
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'active_now',
        title: 'Break-glass: access held now',
        question: 'Who holds elevated access right now, on what, and until when?',
        table: TABLE.grant,
        type: 'list',
        filter: 'stateINactive,revoking,revoke_failed',
        groupBy: '',
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [G.number, G.requestedFor, G.targetKind, G.provider, G.state, G.grantedAt, G.expiresAt],
        dashboards: ['secops', 'service_desk'],
    },
    {
        key: 'past_expiry_now',
        title: 'Break-glass: access held past its expiry (must be empty)',
        question: 'Is anyone still holding access after it should have ended? This list must be empty.',
        table: TABLE.grant,
        type: 'list',
        filter: 'stateINactive,revoking,revoke_failed^expires_at<javascript:gs.nowDateTime()',
        groupBy: '',
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [G.number, G.requestedFor, G.targetKind, G.state, G.expiresAt, G.watchdogIncident, G.lastError],
        dashboards: ['secops', 'service_desk'],
        target: 'empty',
    },
    {
        key: 'drift_findings',
        title: 'Break-glass: drift and standing-privilege findings',
        question: 'Where was access found held outside this system (standing privilege, a removal that did not stick)?',
        table: TABLE.ticketUpdate,
        type: 'list',
        filter: 'kind=incident^incident_kind=drift',
        groupBy: '',
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [T.grant, T.shortDescription, T.resultNumber, T.priority, 'sys_created_on'],
        dashboards: ['secops'],
    },
    {
        key: 'grants_per_requester',
        title: 'Break-glass: grants per requester',
        question: 'Who keeps breaking glass? Access granted, per person it was granted to.',
        table: TABLE.grant,
        type: 'bar',
        filter: 'granted_atISNOTEMPTY',
        groupBy: G.requestedFor,
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'votes_per_approver',
        title: 'Break-glass: approval votes per approver',
        question: 'Who approves (or rejects) break-glass requests, and how often?',
        table: TABLE.auditEvent,
        type: 'bar',
        filter: 'event_type=approval.vote',
        groupBy: A.actor,
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [],
        dashboards: ['secops'],
    },
    {
        key: 'awaiting_approval_now',
        title: 'Break-glass: requests waiting for approval',
        question: 'Which requests are waiting for an approver now, and since when?',
        table: TABLE.grant,
        type: 'list',
        filter: 'state=awaiting_approval',
        groupBy: '',
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [G.number, G.requestedFor, G.targetKind, G.emergency, G.approvalRequestedAt, G.approvalStage],
        dashboards: ['service_desk'],
    },
    {
        key: 'failed_now',
        title: 'Break-glass: failed grants and revokes',
        question: 'Which grants or revokes failed and need someone to act?',
        table: TABLE.grant,
        type: 'list',
        filter: 'stateINgrant_failed,revoke_failed',
        groupBy: '',
        aggregate: 'COUNT',
        sumField: '',
        trendField: '',
        fields: [G.number, G.requestedFor, G.targetKind, G.state, G.lastError, G.watchdogIncident],
        dashboards: ['service_desk', 'secops'],
    },
]

/** The roles a report is shared with. */
export function reportRoles(report: AuditReport): readonly string[] {
    return report.dashboards.indexOf('service_desk') >= 0 ? SERVICE_DESK_REPORT_ROLES : REPORT_ROLES
}

/** A dashboard widget: the data of the report it shows (same table, filter, grouping and aggregate). */
export interface AuditWidget {
    /** The report whose question the widget answers. */
    report: string
    component: 'single-score' | 'vertical-bar' | 'donut'
}

/** A dashboard. */
export interface AuditDashboard {
    key: 'secops' | 'service_desk'
    name: string
    description: string
    roles: readonly string[]
    widgets: AuditWidget[]
}

/** The two dashboards: SecOps / auditors, and the service desk's smaller one. */
export const AUDIT_DASHBOARDS: readonly AuditDashboard[] = [
    {
        key: 'secops',
        name: 'Break-glass: SecOps and audit',
        description:
            'Break-glass events, their causes and outcomes: access held now and past expiry, grants, refusals, latency, revoke lateness, failures, drift, who breaks glass and who approves.',
        roles: REPORT_ROLES,
        widgets: [
            { report: 'active_now', component: 'single-score' },
            { report: 'past_expiry_now', component: 'single-score' },
            { report: 'failed_now', component: 'single-score' },
            { report: 'grants_by_kind_weekly', component: 'vertical-bar' },
            { report: 'grants_by_provider_weekly', component: 'vertical-bar' },
            { report: 'refusals_by_reason', component: 'vertical-bar' },
            { report: 'approval_latency_weekly', component: 'single-score' },
            { report: 'time_to_access_weekly', component: 'single-score' },
            { report: 'revoke_lateness_weekly', component: 'single-score' },
            { report: 'failures_and_escalations_weekly', component: 'vertical-bar' },
            { report: 'auto_approved_share', component: 'donut' },
            { report: 'emergency_share', component: 'donut' },
            { report: 'grants_per_requester', component: 'vertical-bar' },
            { report: 'votes_per_approver', component: 'vertical-bar' },
            { report: 'drift_findings', component: 'single-score' },
        ],
    },
    {
        key: 'service_desk',
        name: 'Break-glass: service desk',
        description: 'What is active, what waits for approval, what failed.',
        roles: SERVICE_DESK_REPORT_ROLES,
        widgets: [
            { report: 'active_now', component: 'single-score' },
            { report: 'awaiting_approval_now', component: 'single-score' },
            { report: 'failed_now', component: 'single-score' },
            { report: 'past_expiry_now', component: 'single-score' },
        ],
    },
]

/** The report of `key` (throws on an unknown key: a typo in a dashboard must not show nothing). */
export function auditReport(key: string): AuditReport {
    for (let i = 0; i < AUDIT_REPORTS.length; i++) if (AUDIT_REPORTS[i]!.key === key) return AUDIT_REPORTS[i]!
    throw new Error(`unknown audit report ${key}`)
}

/**
 * The widget's componentProps as the dashboard stores them (JSON in par_dashboard_widget): the report's table and
 * filter as the data source, its aggregate as the metric, its grouping (or the status the donut splits) as groupBy.
 * A single-score of a trend report shows its measure over the filter as a whole.
 */
export function widgetProps(widget: AuditWidget): Record<string, unknown> {
    const r = auditReport(widget.report)
    const metric: Record<string, unknown> = {
        dataSource: 'data_source_1',
        id: 'metric_1',
        aggregateFunction: r.aggregate,
        axisId: 'primary',
    }
    if (r.sumField) metric['aggregateField'] = r.sumField
    const props: Record<string, unknown> = {
        dataSources: [
            {
                label: r.title,
                sourceType: 'table',
                tableOrViewName: r.table,
                filterQuery: r.filter,
                id: 'data_source_1',
            },
        ],
        headerTitle: r.title,
        metrics: [metric],
    }
    if (widget.component !== 'single-score') {
        props['groupBy'] = [
            {
                groupBy: [{ dataSource: 'data_source_1', groupByField: r.groupBy }],
                maxNumberOfGroups: 20,
                showOthers: true,
            },
        ]
        props['sortBy'] = 'value'
    }
    return props
}
