import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'
import { approverRole, requesterRole } from '../security/roles.now'

/*
 * ATF tests an administrator runs on an instance after installing the app (Automated Test Framework → Tests,
 * or Run suite). They use throw-away users, a throw-away policy and CI; ATF rolls the data back afterwards.
 * The same behaviour is unit-tested in Node (now-app/test/server-*.test.ts); these prove the wiring on a real
 * instance: business rules fire, ACLs and UI actions work, the watchdog module runs.
 *
 * Server-side scripts require the app's modules by the path the build gives them (checked by the dist tests).
 */

const POLICY = {
    name: 'ATF local admin',
    active: true,
    order: 1,
    target_kind: 'device_local_admin',
    min_duration: 5,
    max_duration: 60,
    emergency_max_duration: 30,
    corp_managed_only: false,
    change_required_for_servers: false,
    change_required_for_production: false,
    incident_required_for_emergency: true,
    approval_timeout_minutes: 60,
    emergency_approval_timeout_minutes: 5,
}

// One justification per test, so each query below finds only that test's records (via grant.justification).
// Queries spell them out literally: the build does not evaluate template literals (they are dropped silently).
const REJECT = 'ATF policy-reject: install the signed scanner driver'
const APPROVE = 'ATF approval-path: install the signed scanner driver'
const REVOKE = 'ATF revoke-now: rotate the helpdesk tooling credentials'

Test(
    {
        $id: Now.ID['atf-policy-reject'],
        name: 'Break-glass: a request out of policy is refused with its reasons and nothing is queued',
        description:
            'Duration above the policy maximum → grant policy_rejected, reason recorded, audit event, no action.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.recordInsert({
            $id: Now.ID['atf-reject-policy'],
            table: 'x_gbg_breakglass_policy',
            fieldValues: POLICY,
            enforceSecurity: false,
        })
        const manager = atf.server.createUser({
            $id: Now.ID['atf-reject-manager'],
            firstName: 'ATF',
            lastName: 'Manager',
            impersonate: false,
        })
        const requester = atf.server.createUser({
            $id: Now.ID['atf-reject-requester'],
            firstName: 'ATF',
            lastName: 'Requester',
            fieldValues: { manager: manager.user },
            roles: [requesterRole],
            impersonate: false,
        })
        const ci = atf.server.recordInsert({
            $id: Now.ID['atf-reject-ci'],
            table: 'cmdb_ci_computer',
            fieldValues: { name: 'ATF-PC-1' },
            enforceSecurity: false,
        })
        const grant = atf.server.recordInsert({
            $id: Now.ID['atf-reject-grant'],
            table: 'x_gbg_breakglass_grant',
            fieldValues: {
                requested_for: requester.user,
                opened_by: requester.user,
                target_kind: 'device_local_admin',
                target_ci: ci.record_id,
                requested_duration: 600,
                justification: REJECT,
                state: 'requested',
            },
            enforceSecurity: false,
        })
        atf.server.recordValidation({
            $id: Now.ID['atf-reject-validate'],
            table: 'x_gbg_breakglass_grant',
            recordId: grant.record_id,
            fieldValues: 'state=policy_rejected^last_errorLIKEDURATION_ABOVE_POLICY_MAX',
            enforceSecurity: false,
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-reject-audit'],
            table: 'x_gbg_breakglass_audit_event',
            fieldValues:
                'event_type=request.policy_rejected^grant.justification=ATF policy-reject: install the signed scanner driver',
            assert: 'records_match_query',
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-reject-no-action'],
            table: 'x_gbg_breakglass_action',
            fieldValues: 'grant.justification=ATF policy-reject: install the signed scanner driver',
            assert: 'no_records_match_query',
        })
    },
)

Test(
    {
        $id: Now.ID['atf-approval-path'],
        name: 'Break-glass: manager approval queues one grant action; self-approval is refused',
        description:
            'A request in policy waits for the manager with a frozen plan; the requester cannot approve it; the manager approves → queued + one grant action.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.recordInsert({
            $id: Now.ID['atf-approve-policy'],
            table: 'x_gbg_breakglass_policy',
            fieldValues: POLICY,
            enforceSecurity: false,
        })
        const manager = atf.server.createUser({
            $id: Now.ID['atf-approve-manager'],
            firstName: 'ATF',
            lastName: 'Approver',
            roles: [approverRole],
            impersonate: false,
        })
        const requester = atf.server.createUser({
            $id: Now.ID['atf-approve-requester'],
            firstName: 'ATF',
            lastName: 'Asker',
            fieldValues: { manager: manager.user },
            roles: [requesterRole, approverRole],
            impersonate: false,
        })
        const ci = atf.server.recordInsert({
            $id: Now.ID['atf-approve-ci'],
            table: 'cmdb_ci_computer',
            fieldValues: { name: 'ATF-PC-2' },
            enforceSecurity: false,
        })
        const grant = atf.server.recordInsert({
            $id: Now.ID['atf-approve-grant'],
            table: 'x_gbg_breakglass_grant',
            fieldValues: {
                requested_for: requester.user,
                opened_by: requester.user,
                target_kind: 'device_local_admin',
                target_ci: ci.record_id,
                requested_duration: 30,
                justification: APPROVE,
                state: 'requested',
            },
            enforceSecurity: false,
        })
        atf.server.recordValidation({
            $id: Now.ID['atf-approve-waiting'],
            table: 'x_gbg_breakglass_grant',
            recordId: grant.record_id,
            fieldValues: 'state=awaiting_approval^plan_digestISNOTEMPTY^planISNOTEMPTY',
            enforceSecurity: false,
        })
        // The requester adds an approval for themselves by hand and tries to approve: refused.
        const selfApproval = atf.server.recordInsert({
            $id: Now.ID['atf-approve-self-insert'],
            table: 'sysapproval_approver',
            fieldValues: {
                approver: requester.user,
                state: 'requested',
                source_table: 'x_gbg_breakglass_grant',
                document_id: grant.record_id,
            },
            enforceSecurity: false,
        })
        atf.server.impersonate({ $id: Now.ID['atf-approve-as-requester'], user: requester.user })
        atf.server.recordUpdate({
            $id: Now.ID['atf-approve-self-vote'],
            table: 'sysapproval_approver',
            recordId: selfApproval.record_id,
            fieldValues: { state: 'approved' },
            assert: 'record_not_updated',
            enforceSecurity: false,
        })
        atf.server.recordValidation({
            $id: Now.ID['atf-approve-still-waiting'],
            table: 'x_gbg_breakglass_grant',
            recordId: grant.record_id,
            fieldValues: 'state=awaiting_approval',
            enforceSecurity: false,
        })
        // The manager approves their own approval record.
        const managerApproval = atf.server.recordQuery({
            $id: Now.ID['atf-approve-find-manager-approval'],
            table: 'sysapproval_approver',
            fieldValues:
                'source_table=x_gbg_breakglass_grant^state=requested^approver.last_name=Approver^approver.first_name=ATF',
            assert: 'records_match_query',
        })
        atf.server.impersonate({ $id: Now.ID['atf-approve-as-manager'], user: manager.user })
        atf.server.recordUpdate({
            $id: Now.ID['atf-approve-manager-vote'],
            table: 'sysapproval_approver',
            recordId: managerApproval.first_record,
            fieldValues: { state: 'approved' },
            enforceSecurity: false,
        })
        atf.server.recordValidation({
            $id: Now.ID['atf-approve-queued'],
            table: 'x_gbg_breakglass_grant',
            recordId: grant.record_id,
            fieldValues: 'state=queued^approval_summaryLIKEpeople^approved_duration=30',
            enforceSecurity: false,
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-approve-action'],
            table: 'x_gbg_breakglass_action',
            fieldValues:
                'type=grant^state=ready^priority=3^grant.justification=ATF approval-path: install the signed scanner driver',
            assert: 'records_match_query',
        })
    },
)

Test(
    {
        $id: Now.ID['atf-revoke-now'],
        name: 'Break-glass: "Revoke now" on an active grant queues a priority-1 revoke',
        description:
            'Opens an active grant as SecOps, clicks Revoke now, and finds the ready priority-1 revoke action.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        const person = atf.server.createUser({
            $id: Now.ID['atf-revoke-person'],
            firstName: 'ATF',
            lastName: 'Holder',
            impersonate: false,
        })
        const grant = atf.server.recordInsert({
            $id: Now.ID['atf-revoke-grant'],
            table: 'x_gbg_breakglass_grant',
            fieldValues: {
                requested_for: person.user,
                target_kind: 'entra_role',
                target_role_id: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
                requested_duration: 30,
                justification: REVOKE,
                state: 'active',
            },
            enforceSecurity: false,
        })
        atf.server.createUser({
            $id: Now.ID['atf-revoke-secops'],
            firstName: 'ATF',
            lastName: 'SecOps',
            roles: ['x_gbg_breakglass.secops'],
            impersonate: true,
        })
        atf.form.openExistingRecord({
            $id: Now.ID['atf-revoke-open'],
            table: 'x_gbg_breakglass_grant',
            recordId: grant.record_id,
            formUI: 'standard_ui',
        })
        atf.form.clickUIAction({
            $id: Now.ID['atf-revoke-click'],
            table: 'x_gbg_breakglass_grant',
            // sys_id of the "Revoke now" UI action (generated/keys.ts 'ui-action-grant-revoke-now'; the step takes
            // a sys_id, not the UiAction object). The dist tests check it points at that UI action.
            uiAction: '9d2b58d759be475f96abd61494ff984e',
            actionType: 'ui_action',
            formUI: 'standard_ui',
            assert: 'form_submitted_to_server',
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-revoke-action'],
            table: 'x_gbg_breakglass_action',
            fieldValues:
                'type=revoke^priority=1^state=ready^reasonLIKERevoke now requested^grant.justification=ATF revoke-now: rotate the helpdesk tooling credentials',
            assert: 'records_match_query',
        })
    },
)

Test(
    {
        $id: Now.ID['atf-watchdog'],
        name: 'Break-glass: the watchdog raises an incident for a grant past its expiry and re-queues the revoke',
        description:
            'An active grant expired an hour ago → one incident correlated by grant, a ready priority-1 revoke, a work note.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.runServerSideScript({
            $id: Now.ID['atf-watchdog-run'],
            jasmineVersion: '3.1',
            script: `
(function (outputs, steps, params, stepResult, assertEqual) {
    describe('break-glass watchdog', function () {
        it('raises one incident and re-queues the revoke', function () {
            var expired = new GlideDateTime();
            expired.addSeconds(-3600);
            var grant = new GlideRecord('x_gbg_breakglass_grant');
            grant.initialize();
            grant.setValue('requested_for', gs.getUserID());
            grant.setValue('target_kind', 'entra_role');
            grant.setValue('target_role_id', '729827e3-9c14-49f7-bb1b-9608f156bbb8');
            grant.setValue('requested_duration', 30);
            grant.setValue('justification', 'ATF: watchdog test grant, expired an hour ago');
            grant.setValue('state', 'active');
            grant.setValue('expires_at', expired.getValue());
            var grantId = grant.insert();

            var watchdog = require('x_gbg_breakglass/@gbg/now-app/0.1.0/src/server/watchdog.ts');
            watchdog.runWatchdog();
            watchdog.runWatchdog();

            var incidents = new GlideRecord('incident');
            incidents.addQuery('correlation_id', 'x_gbg_breakglass:grant:' + grantId);
            incidents.query();
            expect(incidents.getRowCount()).toBe(1);
            incidents.next();
            expect(String(incidents.getValue('priority'))).toBe('1');
            var revokes = new GlideRecord('x_gbg_breakglass_action');
            revokes.addQuery('grant', grantId);
            revokes.addQuery('type', 'revoke');
            revokes.addQuery('priority', 1);
            revokes.query();
            expect(revokes.getRowCount()).toBe(1);
        });
    });
})(outputs, steps, params, stepResult, assertEqual);
jasmine.getEnv().execute();
`,
        })
    },
)
