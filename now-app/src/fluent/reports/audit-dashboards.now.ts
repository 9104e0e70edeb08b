import '@servicenow/sdk/global'
import { Dashboard } from '@servicenow/sdk/core'

/*
 * The dashboards (par_dashboard): SecOps / auditors, and the service desk's smaller one. Every widget shows the data
 * of one report of shared/src/audit-reports.ts (same table, filter, grouping, aggregate: widgetProps there), and
 * the dist tests check each widget's stored props against it. Written out literally (FLUENT-NOTES.md).
 */

export const secopsDashboard = Dashboard({
    $id: Now.ID['dashboard-secops'],
    name: 'Break-glass: SecOps and audit',
    description:
        'Break-glass events, their causes and outcomes: access held now and past expiry, grants, refusals, latency, revoke lateness, failures, drift, who breaks glass and who approves.',
    tabs: [
        {
            $id: Now.ID['dashboard-secops-tab'],
            name: 'Overview',
            widgets: [
                {
                    $id: Now.ID['widget-secops-active_now'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: access held now',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'stateINactive,revoking,revoke_failed',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: access held now',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 0,
                        y: 0,
                    },
                },
                {
                    $id: Now.ID['widget-secops-past_expiry_now'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: access held past its expiry (must be empty)',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery:
                                    'stateINactive,revoking,revoke_failed^expires_at<javascript:gs.nowDateTime()',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: access held past its expiry (must be empty)',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 16,
                        y: 0,
                    },
                },
                {
                    $id: Now.ID['widget-secops-failed_now'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: failed grants and revokes',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'stateINgrant_failed,revoke_failed',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: failed grants and revokes',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 32,
                        y: 0,
                    },
                },
                {
                    $id: Now.ID['widget-secops-grants_by_kind_weekly'],
                    component: 'vertical-bar',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: grants per week by kind',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'granted_atISNOTEMPTY',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: grants per week by kind',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'target_kind',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 0,
                        y: 12,
                    },
                },
                {
                    $id: Now.ID['widget-secops-grants_by_provider_weekly'],
                    component: 'vertical-bar',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: grants per week by provider',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'granted_atISNOTEMPTY',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: grants per week by provider',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'provider',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 16,
                        y: 12,
                    },
                },
                {
                    $id: Now.ID['widget-secops-refusals_by_reason'],
                    component: 'vertical-bar',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: policy refusals by reason code',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'state=policy_rejected',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: policy refusals by reason code',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'refusal_code',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 32,
                        y: 12,
                    },
                },
                {
                    $id: Now.ID['widget-secops-approval_latency_weekly'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: approval latency (average seconds, submit to approved)',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'approved_atISNOTEMPTY^auto_approved=false',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: approval latency (average seconds, submit to approved)',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'AVG',
                                axisId: 'primary',
                                aggregateField: 'approval_latency_seconds',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 0,
                        y: 24,
                    },
                },
                {
                    $id: Now.ID['widget-secops-time_to_access_weekly'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: time to access (average seconds, approved to active)',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'granted_atISNOTEMPTY^approved_atISNOTEMPTY',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: time to access (average seconds, approved to active)',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'AVG',
                                axisId: 'primary',
                                aggregateField: 'time_to_access_seconds',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 16,
                        y: 24,
                    },
                },
                {
                    $id: Now.ID['widget-secops-revoke_lateness_weekly'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: revoke lateness (worst seconds past expiry, target 0)',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'revoked_atISNOTEMPTY^expires_atISNOTEMPTY',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: revoke lateness (worst seconds past expiry, target 0)',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'MAX',
                                axisId: 'primary',
                                aggregateField: 'revoke_lateness_seconds',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 32,
                        y: 24,
                    },
                },
                {
                    $id: Now.ID['widget-secops-failures_and_escalations_weekly'],
                    component: 'vertical-bar',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: failures and escalations per week',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_audit_event',
                                filterQuery:
                                    'event_typeINgrant_failed,revoke_failed,watchdog.incident_raised,approval.escalated',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: failures and escalations per week',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'event_type',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 0,
                        y: 36,
                    },
                },
                {
                    $id: Now.ID['widget-secops-auto_approved_share'],
                    component: 'donut',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: approved by rule vs by people',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'approved_atISNOTEMPTY',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: approved by rule vs by people',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'auto_approved',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 16,
                        y: 36,
                    },
                },
                {
                    $id: Now.ID['widget-secops-emergency_share'],
                    component: 'donut',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: emergency vs planned requests',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: '',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: emergency vs planned requests',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'emergency',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 32,
                        y: 36,
                    },
                },
                {
                    $id: Now.ID['widget-secops-grants_per_requester'],
                    component: 'vertical-bar',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: grants per requester',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'granted_atISNOTEMPTY',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: grants per requester',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'requested_for',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 0,
                        y: 48,
                    },
                },
                {
                    $id: Now.ID['widget-secops-votes_per_approver'],
                    component: 'vertical-bar',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: approval votes per approver',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_audit_event',
                                filterQuery: 'event_type=approval.vote',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: approval votes per approver',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                        groupBy: [
                            {
                                groupBy: [
                                    {
                                        dataSource: 'data_source_1',
                                        groupByField: 'actor',
                                    },
                                ],
                                maxNumberOfGroups: 20,
                                showOthers: true,
                            },
                        ],
                        sortBy: 'value',
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 16,
                        y: 48,
                    },
                },
                {
                    $id: Now.ID['widget-secops-drift_findings'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: drift and standing-privilege findings',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_ticket_update',
                                filterQuery: 'kind=incident^incident_kind=drift',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: drift and standing-privilege findings',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 32,
                        y: 48,
                    },
                },
            ],
        },
    ],
    permissions: [
        {
            $id: Now.ID['dashboard-secops-perm-auditor'],
            role: Now.ref('sys_user_role', { name: 'x_gbg_breakglass.auditor' }),
            canRead: true,
            canWrite: false,
            canShare: false,
            owner: false,
        },
        {
            $id: Now.ID['dashboard-secops-perm-secops'],
            role: Now.ref('sys_user_role', { name: 'x_gbg_breakglass.secops' }),
            canRead: true,
            canWrite: false,
            canShare: false,
            owner: false,
        },
    ],
    visibilities: [],
})

export const serviceDeskDashboard = Dashboard({
    $id: Now.ID['dashboard-service_desk'],
    name: 'Break-glass: service desk',
    description: 'What is active, what waits for approval, what failed.',
    tabs: [
        {
            $id: Now.ID['dashboard-service_desk-tab'],
            name: 'Overview',
            widgets: [
                {
                    $id: Now.ID['widget-service_desk-active_now'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: access held now',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'stateINactive,revoking,revoke_failed',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: access held now',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 0,
                        y: 0,
                    },
                },
                {
                    $id: Now.ID['widget-service_desk-awaiting_approval_now'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: requests waiting for approval',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'state=awaiting_approval',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: requests waiting for approval',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 16,
                        y: 0,
                    },
                },
                {
                    $id: Now.ID['widget-service_desk-failed_now'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: failed grants and revokes',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery: 'stateINgrant_failed,revoke_failed',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: failed grants and revokes',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 32,
                        y: 0,
                    },
                },
                {
                    $id: Now.ID['widget-service_desk-past_expiry_now'],
                    component: 'single-score',
                    componentProps: {
                        dataSources: [
                            {
                                label: 'Break-glass: access held past its expiry (must be empty)',
                                sourceType: 'table',
                                tableOrViewName: 'x_gbg_breakglass_grant',
                                filterQuery:
                                    'stateINactive,revoking,revoke_failed^expires_at<javascript:gs.nowDateTime()',
                                id: 'data_source_1',
                            },
                        ],
                        headerTitle: 'Break-glass: access held past its expiry (must be empty)',
                        metrics: [
                            {
                                dataSource: 'data_source_1',
                                id: 'metric_1',
                                aggregateFunction: 'COUNT',
                                axisId: 'primary',
                            },
                        ],
                    },
                    height: 12,
                    width: 16,
                    position: {
                        x: 0,
                        y: 12,
                    },
                },
            ],
        },
    ],
    permissions: [
        {
            $id: Now.ID['dashboard-service_desk-perm-auditor'],
            role: Now.ref('sys_user_role', { name: 'x_gbg_breakglass.auditor' }),
            canRead: true,
            canWrite: false,
            canShare: false,
            owner: false,
        },
        {
            $id: Now.ID['dashboard-service_desk-perm-secops'],
            role: Now.ref('sys_user_role', { name: 'x_gbg_breakglass.secops' }),
            canRead: true,
            canWrite: false,
            canShare: false,
            owner: false,
        },
        {
            $id: Now.ID['dashboard-service_desk-perm-agent'],
            role: Now.ref('sys_user_role', { name: 'x_gbg_breakglass.agent' }),
            canRead: true,
            canWrite: false,
            canShare: false,
            owner: false,
        },
    ],
    visibilities: [],
})
