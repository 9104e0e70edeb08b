import { Record } from '@servicenow/sdk/core'
import {
    approvalTimeoutProperty,
    defaultMaxDurationProperty,
    deviceAdminProviderProperty,
    emergencyApprovalTimeoutProperty,
    expiryWarningProperty,
    heartbeatStaleProperty,
    integrationEnabledProperty,
    nudgeEnabledProperty,
    nudgeSecretProperty,
    nudgeUrlProperty,
    resolverGroupProperty,
    revokeGraceProperty,
    secopsGroupProperty,
    watchdogIntervalProperty,
} from './properties.now'

/*
 * The app's system-properties page: a properties category (sys_properties_category) listing every property of the
 * app, opened by the menu module "Properties" (navigation/application-menu.now.ts) through the platform's
 * properties page, system_properties_ui.do?sysparm_category=Break-Glass Access. SecOps reach the kill switch and
 * the settings there; who may change each one is the property's own write roles (admin, SecOps).
 * Written out one by one (no loops: see FLUENT-NOTES); the dist test checks every PROPERTY is on the page.
 */
export const propertiesCategory = Record({
    $id: Now.ID['properties-category'],
    table: 'sys_properties_category',
    data: {
        name: 'Break-Glass Access',
        title_html:
            '<p>Governed break-glass access. <strong>Kill switch</strong>: set <em>integration enabled</em> to false to stop every new grant (revokes still run). The SecOps group must be set, or every request is refused.</p>',
    },
})

Record({
    $id: Now.ID['properties-category-integration-enabled'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: integrationEnabledProperty, order: 100 },
})

Record({
    $id: Now.ID['properties-category-secops-group'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: secopsGroupProperty, order: 200 },
})

Record({
    $id: Now.ID['properties-category-default-max-duration'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: defaultMaxDurationProperty, order: 300 },
})

Record({
    $id: Now.ID['properties-category-approval-timeout'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: approvalTimeoutProperty, order: 400 },
})

Record({
    $id: Now.ID['properties-category-emergency-approval-timeout'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: emergencyApprovalTimeoutProperty, order: 500 },
})

Record({
    $id: Now.ID['properties-category-revoke-grace'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: revokeGraceProperty, order: 600 },
})

Record({
    $id: Now.ID['properties-category-expiry-warning'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: expiryWarningProperty, order: 700 },
})

Record({
    $id: Now.ID['properties-category-heartbeat-stale'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: heartbeatStaleProperty, order: 800 },
})

Record({
    $id: Now.ID['properties-category-watchdog-interval'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: watchdogIntervalProperty, order: 900 },
})

Record({
    $id: Now.ID['properties-category-device-admin-provider'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: deviceAdminProviderProperty, order: 1000 },
})

Record({
    $id: Now.ID['properties-category-resolver-group'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: resolverGroupProperty, order: 250 },
})

Record({
    $id: Now.ID['properties-category-nudge-enabled'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: nudgeEnabledProperty, order: 1200 },
})

Record({
    $id: Now.ID['properties-category-nudge-url'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: nudgeUrlProperty, order: 1300 },
})

Record({
    $id: Now.ID['properties-category-nudge-secret'],
    table: 'sys_properties_category_m2m',
    data: { category: propertiesCategory, property: nudgeSecretProperty, order: 1400 },
})
