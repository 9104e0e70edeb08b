import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

/*
 * The auditors' and SecOps' reports (sys_report; SDK 4.9 has no report API, so Record). One question each: the list,
 * the questions and the filters are the contract in shared/src/audit-reports.ts, and the dist tests
 * (now-app/test/dist-audit.test.ts) check every record below against it field by field. Written out literally: a
 * `.map()` or a template literal in a .now.ts file builds "successfully" and wrong (FLUENT-NOTES.md).
 * Roles are role NAMES: a Role object here builds "successfully" as `[object Object]` (seen in dist; the dist test
 * checks the names). Durations are stored on the grant (server/grant-measures.ts); the reports only group and aggregate them.
 */

export const grantsByKindWeeklyReport = Record({
    $id: Now.ID['report-grants_by_kind_weekly'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: grants per week by kind',
        description: 'How often was glass broken (access actually granted) each week, and for which kind of target?',
        table: 'x_gbg_breakglass_grant',
        type: 'trend',
        filter: 'granted_atISNOTEMPTY',
        field: 'target_kind',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: 'granted_at',
        interval: 'week',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const grantsByProviderWeeklyReport = Record({
    $id: Now.ID['report-grants_by_provider_weekly'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: grants per week by provider',
        description: 'Which provider carried out the grants each week?',
        table: 'x_gbg_breakglass_grant',
        type: 'trend',
        filter: 'granted_atISNOTEMPTY',
        field: 'provider',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: 'granted_at',
        interval: 'week',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const refusalsByReasonReport = Record({
    $id: Now.ID['report-refusals_by_reason'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: policy refusals by reason code',
        description: 'Why are requests refused by policy (first reason code of each refusal)?',
        table: 'x_gbg_breakglass_grant',
        type: 'bar',
        filter: 'state=policy_rejected',
        field: 'refusal_code',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const approvalLatencyWeeklyReport = Record({
    $id: Now.ID['report-approval_latency_weekly'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: approval latency (average seconds, submit to approved)',
        description: 'How long do people wait for a human approval, week by week?',
        table: 'x_gbg_breakglass_grant',
        type: 'trend',
        filter: 'approved_atISNOTEMPTY^auto_approved=false',
        field: '',
        aggregate: 'AVG',
        sumfield: 'approval_latency_seconds',
        trend_field: 'approved_at',
        interval: 'week',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const timeToAccessWeeklyReport = Record({
    $id: Now.ID['report-time_to_access_weekly'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: time to access (average seconds, approved to active)',
        description: 'Once approved, how long until the access is actually in place?',
        table: 'x_gbg_breakglass_grant',
        type: 'trend',
        filter: 'granted_atISNOTEMPTY^approved_atISNOTEMPTY',
        field: '',
        aggregate: 'AVG',
        sumfield: 'time_to_access_seconds',
        trend_field: 'granted_at',
        interval: 'week',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const revokeLatenessWeeklyReport = Record({
    $id: Now.ID['report-revoke_lateness_weekly'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: revoke lateness (worst seconds past expiry, target 0)',
        description: 'Was access removed on time? The worst lateness of each week (target: zero).',
        table: 'x_gbg_breakglass_grant',
        type: 'trend',
        filter: 'revoked_atISNOTEMPTY^expires_atISNOTEMPTY',
        field: '',
        aggregate: 'MAX',
        sumfield: 'revoke_lateness_seconds',
        trend_field: 'revoked_at',
        interval: 'week',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const failuresAndEscalationsWeeklyReport = Record({
    $id: Now.ID['report-failures_and_escalations_weekly'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: failures and escalations per week',
        description:
            'How often did a grant or a revoke fail, did the watchdog raise an incident, or did an approval escalate?',
        table: 'x_gbg_breakglass_audit_event',
        type: 'trend',
        filter: 'event_typeINgrant_failed,revoke_failed,watchdog.incident_raised,approval.escalated',
        field: 'event_type',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: 'occurred_at',
        interval: 'week',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const autoApprovedShareReport = Record({
    $id: Now.ID['report-auto_approved_share'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: approved by rule vs by people',
        description: 'What share of approved requests was approved by an auto-approve rule rather than by people?',
        table: 'x_gbg_breakglass_grant',
        type: 'pie',
        filter: 'approved_atISNOTEMPTY',
        field: 'auto_approved',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const emergencyShareReport = Record({
    $id: Now.ID['report-emergency_share'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: emergency vs planned requests',
        description: 'What share of requests were emergencies?',
        table: 'x_gbg_breakglass_grant',
        type: 'pie',
        filter: '',
        field: 'emergency',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const activeNowReport = Record({
    $id: Now.ID['report-active_now'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: access held now',
        description: 'Who holds elevated access right now, on what, and until when?',
        table: 'x_gbg_breakglass_grant',
        type: 'list',
        filter: 'stateINactive,revoking,revoke_failed',
        field: '',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: 'number,requested_for,target_kind,provider,state,granted_at,expires_at',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.agent'],
        is_published: false,
    },
})

export const pastExpiryNowReport = Record({
    $id: Now.ID['report-past_expiry_now'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: access held past its expiry (must be empty)',
        description: 'Is anyone still holding access after it should have ended? This list must be empty.',
        table: 'x_gbg_breakglass_grant',
        type: 'list',
        filter: 'stateINactive,revoking,revoke_failed^expires_at<javascript:gs.nowDateTime()',
        field: '',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: 'number,requested_for,target_kind,state,expires_at,watchdog_incident,last_error',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.agent'],
        is_published: false,
    },
})

export const driftFindingsReport = Record({
    $id: Now.ID['report-drift_findings'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: drift and standing-privilege findings',
        description:
            'Where was access found held outside this system (standing privilege, a removal that did not stick)?',
        table: 'x_gbg_breakglass_ticket_update',
        type: 'list',
        filter: 'kind=incident^incident_kind=drift',
        field: '',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: 'grant,short_description,result_number,priority,sys_created_on',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const grantsPerRequesterReport = Record({
    $id: Now.ID['report-grants_per_requester'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: grants per requester',
        description: 'Who keeps breaking glass? Access granted, per person it was granted to.',
        table: 'x_gbg_breakglass_grant',
        type: 'bar',
        filter: 'granted_atISNOTEMPTY',
        field: 'requested_for',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const votesPerApproverReport = Record({
    $id: Now.ID['report-votes_per_approver'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: approval votes per approver',
        description: 'Who approves (or rejects) break-glass requests, and how often?',
        table: 'x_gbg_breakglass_audit_event',
        type: 'bar',
        filter: 'event_type=approval.vote',
        field: 'actor',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: '',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops'],
        is_published: false,
    },
})

export const awaitingApprovalNowReport = Record({
    $id: Now.ID['report-awaiting_approval_now'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: requests waiting for approval',
        description: 'Which requests are waiting for an approver now, and since when?',
        table: 'x_gbg_breakglass_grant',
        type: 'list',
        filter: 'state=awaiting_approval',
        field: '',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: 'number,requested_for,target_kind,emergency,approval_requested_at,approval_stage',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.agent'],
        is_published: false,
    },
})

export const failedNowReport = Record({
    $id: Now.ID['report-failed_now'],
    table: 'sys_report',
    data: {
        title: 'Break-glass: failed grants and revokes',
        description: 'Which grants or revokes failed and need someone to act?',
        table: 'x_gbg_breakglass_grant',
        type: 'list',
        filter: 'stateINgrant_failed,revoke_failed',
        field: '',
        aggregate: 'COUNT',
        sumfield: '',
        trend_field: '',
        interval: '',
        field_list: 'number,requested_for,target_kind,state,last_error,watchdog_incident',
        roles: ['x_gbg_breakglass.auditor', 'x_gbg_breakglass.secops', 'x_gbg_breakglass.agent'],
        is_published: false,
    },
})
