/*
 * ACLs this app adds on platform tables: none.
 *
 * The executor's integration user holds only x_gbg_breakglass.executor and reads no platform table: its recheck
 * gate gets the app's properties (kill switch, default maximum duration) with the other facts from the app's
 * Scripted REST API (rest/executor-api.now.ts), and the app's server code reads them with its own privileges.
 * The read ACL on sys_properties the executor once needed is gone (docs/request-lifecycle.md "What the executor
 * may touch on the instance").
 */
export {}
