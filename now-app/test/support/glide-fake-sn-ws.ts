/**
 * `@servicenow/glide/sn_ws` in Node (root tsconfig.json `paths`): the outbound REST API of the Glide fake
 * (glide-fake.ts: RESTMessageV2, RESTResponseV2, and how background scripts that call execute() are run).
 */
export { RESTMessageV2, RESTResponseV2 } from './glide-fake'
