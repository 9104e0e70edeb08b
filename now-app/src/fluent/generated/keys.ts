import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    'acl-action-create': {
                        table: 'sys_security_acl'
                        id: 'beb105b748934a13bb98d00631a1130f'
                    }
                    'acl-action-create-any-field': {
                        table: 'sys_security_acl'
                        id: '40c40bc01eed4835bcbe157b10b8c4cb'
                    }
                    'acl-action-create-grant': {
                        table: 'sys_security_acl'
                        id: 'c1845112aa0744cb94669c7833e170ef'
                    }
                    'acl-action-create-idempotency_key': {
                        table: 'sys_security_acl'
                        id: '354a04de4e3e40b58eec594faaac88f6'
                    }
                    'acl-action-create-max_attempts': {
                        table: 'sys_security_acl'
                        id: 'a437aa7d0d0847338f8b3d9a11e31fef'
                    }
                    'acl-action-create-not_before': {
                        table: 'sys_security_acl'
                        id: '0c4f4be96a254ae79ad2b472a60cd89d'
                    }
                    'acl-action-create-priority': {
                        table: 'sys_security_acl'
                        id: 'd4bab2d7a25b4ed39f87e9662f162ef1'
                    }
                    'acl-action-create-reason': {
                        table: 'sys_security_acl'
                        id: '3289dd7ab61e4a76bff9d079aff899be'
                    }
                    'acl-action-create-state': {
                        table: 'sys_security_acl'
                        id: '1d8bbb88e65e4220883a3238ca9dd009'
                    }
                    'acl-action-create-type': {
                        table: 'sys_security_acl'
                        id: 'ff3bdbf9eac84de8a251f9aa3f317689'
                    }
                    'acl-action-delete': {
                        table: 'sys_security_acl'
                        id: '1f603d340a154d4aa4173ef87253a0d2'
                    }
                    'acl-action-read': {
                        table: 'sys_security_acl'
                        id: 'ce9fc24b4ef54844b2a5630834811733'
                    }
                    'acl-action-write': {
                        table: 'sys_security_acl'
                        id: '86c85a465bad42a584152044beb7dcd7'
                    }
                    'acl-action-write-any-field': {
                        table: 'sys_security_acl'
                        id: 'ea31d6b0550e4dd9bb9734ea1238d221'
                    }
                    'acl-action-write-attempts': {
                        table: 'sys_security_acl'
                        id: '7ff9c758fa3e400783f7cca97810cea5'
                    }
                    'acl-action-write-completed_at': {
                        table: 'sys_security_acl'
                        id: 'fd6f60dd7648444da7f0cb5fb97eaa8d'
                    }
                    'acl-action-write-last_error': {
                        table: 'sys_security_acl'
                        id: 'a7ba1b0a88a44650a4ab22fc6f254d4a'
                    }
                    'acl-action-write-lease_owner': {
                        table: 'sys_security_acl'
                        id: 'e807961c8b2d4a439da5cf7a502c5dee'
                    }
                    'acl-action-write-lease_until': {
                        table: 'sys_security_acl'
                        id: '914e0abc3a0342d6be1d3fb6f23d63ef'
                    }
                    'acl-action-write-not_before': {
                        table: 'sys_security_acl'
                        id: 'e73411c856344d1db0523d583ec0d8bf'
                    }
                    'acl-action-write-result': {
                        table: 'sys_security_acl'
                        id: 'b595b673cce949548ba31b45e9f50f1a'
                    }
                    'acl-action-write-state': {
                        table: 'sys_security_acl'
                        id: '7ae1b71ee68d4a4e89dbbf5fb558772a'
                    }
                    'acl-audit-event-create': {
                        table: 'sys_security_acl'
                        id: '994a47eb2ccf4ca5aa96cb933537e342'
                    }
                    'acl-audit-event-create-any-field': {
                        table: 'sys_security_acl'
                        id: '64f9a129cddc4c4184f95b5a61dd2e9e'
                    }
                    'acl-audit-event-delete-deny': {
                        table: 'sys_security_acl'
                        id: '45be26eec7ac43a68724d73b6c9dfa66'
                    }
                    'acl-audit-event-read': {
                        table: 'sys_security_acl'
                        id: '7ff528df9cfe481e83343e214a8f1829'
                    }
                    'acl-audit-event-write-any-field-deny': {
                        table: 'sys_security_acl'
                        id: 'b5f23b902bf3477c88213d59f3447c7b'
                    }
                    'acl-audit-event-write-deny': {
                        table: 'sys_security_acl'
                        id: 'bb48a7ed21914f0980d265fb8627beb0'
                    }
                    'acl-executor-create': {
                        table: 'sys_security_acl'
                        id: 'd4a7944f6a34424b973eec54d424ef36'
                    }
                    'acl-executor-delete': {
                        table: 'sys_security_acl'
                        id: '57d42389bfbb4fa5b9f813c3367b7a52'
                    }
                    'acl-executor-read': {
                        table: 'sys_security_acl'
                        id: '36440616c8e64748adff67780dcec798'
                    }
                    'acl-executor-write': {
                        table: 'sys_security_acl'
                        id: 'c508f329ccb74ff5abfb7e03f9b74c7c'
                    }
                    'acl-executor-write-any-field': {
                        table: 'sys_security_acl'
                        id: '08e89c8b7b3743aa9bda26c211518610'
                    }
                    'acl-executor-write-host': {
                        table: 'sys_security_acl'
                        id: 'cc51643b9d394a768b88fc0d7daafccf'
                    }
                    'acl-executor-write-last_claim_at': {
                        table: 'sys_security_acl'
                        id: '701b459bb9ba4f21b2ad94e396e375a3'
                    }
                    'acl-executor-write-last_poll_at': {
                        table: 'sys_security_acl'
                        id: '4133a7ebba1740d88fc372a0f3cc9d9d'
                    }
                    'acl-executor-write-name': {
                        table: 'sys_security_acl'
                        id: '5ff73751a29b4cf8bdb38e1398bb6d5e'
                    }
                    'acl-executor-write-version': {
                        table: 'sys_security_acl'
                        id: '11b6b669d1e24fdda294d9b1198668e9'
                    }
                    'acl-grant-create': {
                        table: 'sys_security_acl'
                        id: '74c5bf2fe0d44199be8568fc91bd9cad'
                    }
                    'acl-grant-delete': {
                        table: 'sys_security_acl'
                        id: '999e7139ecdb4c93a1270d0326cbada4'
                    }
                    'acl-grant-read': {
                        table: 'sys_security_acl'
                        id: 'ed2a9d1ba76e4debb575b322d79744c6'
                    }
                    'acl-grant-read-own': {
                        table: 'sys_security_acl'
                        id: 'ccc585a5e2ef4422a2b5f2426b578666'
                    }
                    'acl-grant-read-route-approver': {
                        table: 'sys_security_acl'
                        id: '945e08ff72904c8da74229311c13c769'
                    }
                    'acl-grant-write': {
                        table: 'sys_security_acl'
                        id: '112e373f20d047ec987f157056db20f1'
                    }
                    'acl-grant-write-any-field': {
                        table: 'sys_security_acl'
                        id: '205d652cfa8442b1a69ebd4882a2c313'
                    }
                    'acl-grant-write-approved_duration': {
                        table: 'sys_security_acl'
                        id: '26ad5887379b4264a0e7fb2494f29340'
                    }
                    'acl-grant-write-approved_duration-pending-approver': {
                        table: 'sys_security_acl'
                        id: '77b28906679941ebbd2904b5973c3213'
                    }
                    'acl-grant-write-approver': {
                        table: 'sys_security_acl'
                        id: 'a78fb6f948ca4143b01a3684a8020646'
                    }
                    'acl-grant-write-evidence': {
                        table: 'sys_security_acl'
                        id: '6a2236712efd4e99b87aed714231bf53'
                    }
                    'acl-grant-write-executor_instance': {
                        table: 'sys_security_acl'
                        id: '2ace5f04fc9f4e4e919ae639f359e947'
                    }
                    'acl-grant-write-expires_at': {
                        table: 'sys_security_acl'
                        id: 'a3e4d8edbff34440aff4c14ecc41e98b'
                    }
                    'acl-grant-write-granted_at': {
                        table: 'sys_security_acl'
                        id: '6801e16ac4be4199a9b2dd3eb299f857'
                    }
                    'acl-grant-write-last_error': {
                        table: 'sys_security_acl'
                        id: '0d5391083b524ab8bfa9bdb4a06d9381'
                    }
                    'acl-grant-write-provider_txn_ids': {
                        table: 'sys_security_acl'
                        id: '12cbc919c0fb4514805f3008b94d7609'
                    }
                    'acl-grant-write-revoked_at': {
                        table: 'sys_security_acl'
                        id: '31a04a58e3614d1eb304228f3d50357d'
                    }
                    'acl-grant-write-state': {
                        table: 'sys_security_acl'
                        id: '3439d547e53b4c48a0387a2f3b5276ac'
                    }
                    'acl-policy-create': {
                        table: 'sys_security_acl'
                        id: 'dd0e2a8bcfa64270a831385789716a14'
                    }
                    'acl-policy-delete': {
                        table: 'sys_security_acl'
                        id: '7566769fe81b4cab9d284ed5e5b04159'
                    }
                    'acl-policy-read': {
                        table: 'sys_security_acl'
                        id: '289ce7316c8347cdad49c55dff3fb55e'
                    }
                    'acl-policy-write': {
                        table: 'sys_security_acl'
                        id: '6d5bd56a87084b0fbb22b8e645b4e3d7'
                    }
                    'acl-policy-write-confirmed-at': {
                        table: 'sys_security_acl'
                        id: '4279367e37b846b4a4e8a196612253d1'
                    }
                    'acl-policy-write-confirmed-by': {
                        table: 'sys_security_acl'
                        id: '4925df83be5e4c94a151e16ebddb248b'
                    }
                    'acl-policy-write-confirmed-digest': {
                        table: 'sys_security_acl'
                        id: 'db67ddff432a41b2af43619d7d940d14'
                    }
                    'acl-policy-write-edited-by': {
                        table: 'sys_security_acl'
                        id: 'b0847128fa644d98aa57c331af7224ad'
                    }
                    'acl-rest-executor': {
                        table: 'sys_security_acl'
                        id: '7506d6e4c70e49b4bb7693008e01f1de'
                    }
                    'acl-rest-proposals': {
                        table: 'sys_security_acl'
                        id: 'e8c1af9c63404c66b706fa375ba2ba55'
                    }
                    'acl-sys-properties-read-executor': {
                        table: 'sys_security_acl'
                        id: 'e2e13a8350434517b6171e0d5fc3cb40'
                        deleted: true
                    }
                    'acl-ticket-update-create': {
                        table: 'sys_security_acl'
                        id: '48f9166fb4c1454db2a2423caf94fb7a'
                    }
                    'acl-ticket-update-create-any-field': {
                        table: 'sys_security_acl'
                        id: '84f7db885a2f419c877e0a75786ba6ce'
                    }
                    'acl-ticket-update-create-content': {
                        table: 'sys_security_acl'
                        id: '975cfade9909435e9c31adf223d2634a'
                    }
                    'acl-ticket-update-create-content_type': {
                        table: 'sys_security_acl'
                        id: '586703b2ace84d668e3482a300c60415'
                    }
                    'acl-ticket-update-create-file_name': {
                        table: 'sys_security_acl'
                        id: '2d100ce873be4a02b18132c5b8188a3c'
                    }
                    'acl-ticket-update-create-grant': {
                        table: 'sys_security_acl'
                        id: '5a493b5750b54a4eaace3346d205e284'
                    }
                    'acl-ticket-update-create-idempotency_key': {
                        table: 'sys_security_acl'
                        id: '5f660a51fce342c48fcab13fe1cbf4cb'
                    }
                    'acl-ticket-update-create-incident': {
                        table: 'sys_security_acl'
                        id: '62b59a633d234be08460b14fcdd4cf0a'
                    }
                    'acl-ticket-update-create-incident_kind': {
                        table: 'sys_security_acl'
                        id: '10324952730e4daa96fe2959b4149baf'
                    }
                    'acl-ticket-update-create-kind': {
                        table: 'sys_security_acl'
                        id: 'ff9d2c16c3574b64b9cf1d83c0e25e01'
                    }
                    'acl-ticket-update-create-priority': {
                        table: 'sys_security_acl'
                        id: '565c333839104e25be31ca4b405b22fe'
                    }
                    'acl-ticket-update-create-short_description': {
                        table: 'sys_security_acl'
                        id: '044888d1d30f48f39751b30c2a8e0139'
                    }
                    'acl-ticket-update-create-text': {
                        table: 'sys_security_acl'
                        id: '1ef02bd8edf04f8a9b325f86cd22bb76'
                    }
                    'acl-ticket-update-delete-deny': {
                        table: 'sys_security_acl'
                        id: 'b582012c883942eb99a9c92cb575c9e3'
                    }
                    'acl-ticket-update-read': {
                        table: 'sys_security_acl'
                        id: '2acfb39278a64daab4a54b61c691e337'
                    }
                    'acl-ticket-update-write-any-field-deny': {
                        table: 'sys_security_acl'
                        id: '80621483b35e4eb19aafcc57ab6c1c8d'
                    }
                    'acl-ticket-update-write-deny': {
                        table: 'sys_security_acl'
                        id: '2bf228a4c70c41f6b4572f09d793839b'
                    }
                    'annotation-grant-approvals': {
                        table: 'sys_ui_annotation'
                        id: 'd297301164274f22873abec022b234a9'
                    }
                    'annotation-grant-audit': {
                        table: 'sys_ui_annotation'
                        id: 'ad3e8e50df0a4fcb9de569694a8654a6'
                    }
                    'annotation-grant-evidence': {
                        table: 'sys_ui_annotation'
                        id: 'e2631960a5f04d0390f94430303a32be'
                    }
                    'annotation-grant-plan': {
                        table: 'sys_ui_annotation'
                        id: 'bdb55a646f244e29a0a44dc3eb3f2d00'
                    }
                    'atf-approval-path': {
                        table: 'sys_atf_test'
                        id: '00c20df3e20a4d0188c3732f86a4cbae'
                    }
                    'atf-approve-action': {
                        table: 'sys_atf_step'
                        id: '87cdf23f66504783ad436bb58e0e9980'
                    }
                    'atf-approve-as-manager': {
                        table: 'sys_atf_step'
                        id: '2dd1027cea8f4728a4778b89e1faff46'
                    }
                    'atf-approve-as-requester': {
                        table: 'sys_atf_step'
                        id: 'a2b93666437f48e1a529dce3d85f2540'
                    }
                    'atf-approve-ci': {
                        table: 'sys_atf_step'
                        id: '4fe4a3b5f8a04632a7bbca816a0b6b83'
                    }
                    'atf-approve-find-manager-approval': {
                        table: 'sys_atf_step'
                        id: '0156305ab53042c89a9942f08bf156f7'
                    }
                    'atf-approve-grant': {
                        table: 'sys_atf_step'
                        id: '1e7724967f97451892b384f852570235'
                    }
                    'atf-approve-manager': {
                        table: 'sys_atf_step'
                        id: '43dde28a41f946b284ca3447d5cab106'
                    }
                    'atf-approve-manager-vote': {
                        table: 'sys_atf_step'
                        id: '3ef28d6c672b4f75b1d5996300a17ef2'
                    }
                    'atf-approve-policy': {
                        table: 'sys_atf_step'
                        id: 'b3e9e4d6ecf44b648310cc9812ea98da'
                    }
                    'atf-approve-queued': {
                        table: 'sys_atf_step'
                        id: '9cc4c9736c134c9c9eafbd3f8c5031a8'
                    }
                    'atf-approve-requester': {
                        table: 'sys_atf_step'
                        id: 'e6b01792258c409fba0d760cfc3c8b29'
                    }
                    'atf-approve-self-insert': {
                        table: 'sys_atf_step'
                        id: 'fc63f373127f480dba23ca09251301c0'
                    }
                    'atf-approve-self-vote': {
                        table: 'sys_atf_step'
                        id: '4af895c28e5a44a89ee2f6cb9bc7c5ac'
                    }
                    'atf-approve-still-waiting': {
                        table: 'sys_atf_step'
                        id: '9efcd5068b2f402d919536c2046dd286'
                    }
                    'atf-approve-waiting': {
                        table: 'sys_atf_step'
                        id: 'a9d0a1d68baa475eb6ec27b79b034a74'
                    }
                    'atf-cat-er-as-requester': {
                        table: 'sys_atf_step'
                        id: '39ed0a5691d44a7a8782b987852e51bc'
                    }
                    'atf-cat-er-check': {
                        table: 'sys_atf_step'
                        id: 'ab02ad4c10424b73a4988aedef538e9d'
                    }
                    'atf-cat-er-group': {
                        table: 'sys_atf_step'
                        id: '5a53d2356b5f4452ae87e29b5e2a655c'
                    }
                    'atf-cat-er-manager': {
                        table: 'sys_atf_step'
                        id: 'a8563365ff35467d9d9c370fbb74e896'
                    }
                    'atf-cat-er-membership': {
                        table: 'sys_atf_step'
                        id: 'a85df6ef61df4efc8708404f827fbb6a'
                    }
                    'atf-cat-er-open': {
                        table: 'sys_atf_step'
                        id: '7a63002a99134a25bda3f6a66bb6ee29'
                    }
                    'atf-cat-er-order': {
                        table: 'sys_atf_step'
                        id: '79d2157240604f5db1e7d8c86942c24f'
                    }
                    'atf-cat-er-policy': {
                        table: 'sys_atf_step'
                        id: '4c43648c4bbc4358a1d8961d41fbcc56'
                    }
                    'atf-cat-er-requester': {
                        table: 'sys_atf_step'
                        id: '14e5d92abc854220a4d0288e31ea52f1'
                    }
                    'atf-cat-er-variables': {
                        table: 'sys_atf_step'
                        id: '5a2a8ac6b24845c2bed195c858a5826b'
                    }
                    'atf-cat-la-check': {
                        table: 'sys_atf_step'
                        id: '5afcba965eb44b1fac70380617c106af'
                    }
                    'atf-cat-la-ci': {
                        table: 'sys_atf_step'
                        id: '1e67f3e458a04ee58ab9a3362b82de07'
                    }
                    'atf-cat-la-manager': {
                        table: 'sys_atf_step'
                        id: '60f28e4798d34e96a7e54ca1ddcb0b43'
                    }
                    'atf-cat-la-open': {
                        table: 'sys_atf_step'
                        id: 'fa9d0276d26d4050b2fed36a88af522c'
                    }
                    'atf-cat-la-order': {
                        table: 'sys_atf_step'
                        id: '1e40e4f016764efaa2f6703bab3442cb'
                    }
                    'atf-cat-la-policy': {
                        table: 'sys_atf_step'
                        id: 'b44561c63ccd4c31bac71f76ad3fe69c'
                    }
                    'atf-cat-la-requester': {
                        table: 'sys_atf_step'
                        id: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                    }
                    'atf-cat-la-variables': {
                        table: 'sys_atf_step'
                        id: '6bf1487ab3404d1b8e9e481fdbd81fcf'
                    }
                    'atf-catalog-order-entra-role': {
                        table: 'sys_atf_test'
                        id: '8e833fbcece343869af9ec0945d417f9'
                    }
                    'atf-catalog-order-local-admin': {
                        table: 'sys_atf_test'
                        id: '6fd45ee862894518bd90bb47e2eddc18'
                    }
                    'atf-policy-reject': {
                        table: 'sys_atf_test'
                        id: 'f708e816fc454370aad381a87a4f5a49'
                    }
                    'atf-reject-audit': {
                        table: 'sys_atf_step'
                        id: '35708fbe53e74637af4d03b40f6f4567'
                    }
                    'atf-reject-ci': {
                        table: 'sys_atf_step'
                        id: '48856c27177c4330ae5033e057390752'
                    }
                    'atf-reject-grant': {
                        table: 'sys_atf_step'
                        id: 'cea9122c1d1d41aaa280ca875b8be191'
                    }
                    'atf-reject-manager': {
                        table: 'sys_atf_step'
                        id: '0416ee7caade42269c2f3612bdc4e8f9'
                    }
                    'atf-reject-no-action': {
                        table: 'sys_atf_step'
                        id: 'f3e7114de3c14fdf97c4327b7fd42406'
                    }
                    'atf-reject-policy': {
                        table: 'sys_atf_step'
                        id: '675192be14e6476c9c2befbd53da743c'
                    }
                    'atf-reject-requester': {
                        table: 'sys_atf_step'
                        id: '87352ce531dc4807b56f60f97bec076e'
                    }
                    'atf-reject-validate': {
                        table: 'sys_atf_step'
                        id: 'b73449dab5074ace8ce514acc9589e51'
                    }
                    'atf-revoke-action': {
                        table: 'sys_atf_step'
                        id: 'f94a212b89194fdd8a921fb0c878c056'
                    }
                    'atf-revoke-click': {
                        table: 'sys_atf_step'
                        id: '74956bcb06f6404a9c3b4e6e77315654'
                    }
                    'atf-revoke-grant': {
                        table: 'sys_atf_step'
                        id: 'f6c6d843d8504125b57be35abd6d9042'
                    }
                    'atf-revoke-now': {
                        table: 'sys_atf_test'
                        id: '0b79fa111ca84c368338047ba30de714'
                    }
                    'atf-revoke-open': {
                        table: 'sys_atf_step'
                        id: 'd477c4da4bcf464488bf356a4183bc13'
                    }
                    'atf-revoke-person': {
                        table: 'sys_atf_step'
                        id: '9687c533efed499ebbc14432be57a5ff'
                    }
                    'atf-revoke-secops': {
                        table: 'sys_atf_step'
                        id: '25467db695f94a18964957600cc3c6c6'
                    }
                    'atf-watchdog': {
                        table: 'sys_atf_test'
                        id: '9b0719d7449e424397631d3098a9a86c'
                    }
                    'atf-watchdog-run': {
                        table: 'sys_atf_step'
                        id: 'c306a5214dfa4a89a13e0310fd35afae'
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: '1aaef1e6ca304fd1bc41c1eca4d6ff4f'
                    }
                    'br-action-claim-guard': {
                        table: 'sys_script'
                        id: '4c718dea0bd744c5a5800fe40746811c'
                    }
                    'br-action-insert-guard': {
                        table: 'sys_script'
                        id: '424c2fd1635e4743babd95a834b0db9b'
                    }
                    'br-action-nudge': {
                        table: 'sys_script'
                        id: '79f1b76f694d40949a72e694f22e4de8'
                    }
                    'br-approval-decide': {
                        table: 'sys_script'
                        id: 'b73b592e74f74f738bc1e6cfda8850ad'
                    }
                    'br-approval-guard': {
                        table: 'sys_script'
                        id: '784a48b033ef4ef2933bd40c2c857254'
                    }
                    'br-approval-insert-guard': {
                        table: 'sys_script'
                        id: '731faf953b034f11a624ab044a7b2ef6'
                    }
                    'br-audit-chain-guard': {
                        table: 'sys_script'
                        id: '1af70bebb56540838186bea30afb6a24'
                    }
                    'br-change-ticket-bound': {
                        table: 'sys_script'
                        id: '9b06eff4eb924a62b50464c9e28fe83b'
                    }
                    'br-grant-approved-duration': {
                        table: 'sys_script'
                        id: '405d4596e6a04f73a60077c531e95e80'
                    }
                    'br-grant-cancelled-final': {
                        table: 'sys_script'
                        id: '9d1e8895a7974cc1ae6cd943e77e1ff4'
                    }
                    'br-grant-expiry-extended': {
                        table: 'sys_script'
                        id: 'caa3124b1f5842ce89824c948b71b220'
                    }
                    'br-grant-measures': {
                        table: 'sys_script'
                        id: '80db503f42a3476a8bf49ef6607a1209'
                    }
                    'br-grant-state-guard': {
                        table: 'sys_script'
                        id: 'fda8a4b8f2f94aad9c0decbe73be4b20'
                    }
                    'br-grant-state-notify': {
                        table: 'sys_script'
                        id: '4f63b68882fc4f64bd082d6f0c60e43d'
                    }
                    'br-grant-submit': {
                        table: 'sys_script'
                        id: '9e4e3ce8a0664d868c3c6cd5ce89787d'
                    }
                    'br-incident-ticket-bound': {
                        table: 'sys_script'
                        id: 'c7866586ba3e46489e4eb68209dd1254'
                    }
                    'br-policy-confirmation': {
                        table: 'sys_script'
                        id: 'd75f8352351c47fcb5bf2425a350893e'
                    }
                    'br-ritm-create-grant': {
                        table: 'sys_script'
                        id: '8b7efcfeb34447739fd0fde15db6e2f2'
                    }
                    'br-ticket-update-apply': {
                        table: 'sys_script'
                        id: 'feaab4d2a5b2495ebf9bc686cb64acbd'
                    }
                    'br-ticket-update-guard': {
                        table: 'sys_script'
                        id: '9518c7ae394d41b0a80e73bdfbad672f'
                    }
                    'cat-item-emergency-console': {
                        table: 'sc_cat_item'
                        id: '3591b98f67b049f8864f6f96d455957c'
                    }
                    'cat-item-temporary-entra-group': {
                        table: 'sc_cat_item'
                        id: 'f91e452e5dea459da3521f1c2edc33e5'
                    }
                    'cat-item-temporary-entra-role': {
                        table: 'sc_cat_item'
                        id: '343034545f4e4bffab7562f501a4bf1a'
                    }
                    'cat-item-temporary-local-admin': {
                        table: 'sc_cat_item'
                        id: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                    }
                    'cat-policy-entra-group-emergency-incident': {
                        table: 'catalog_ui_policy'
                        id: '6000a37edb734dc89d2c2fdfefd458c3'
                    }
                    'cat-policy-entra-role-emergency-incident': {
                        table: 'catalog_ui_policy'
                        id: 'c1bd0982c0584d86abc6f8baf2d68108'
                    }
                    'cat-policy-local-admin-emergency-incident': {
                        table: 'catalog_ui_policy'
                        id: '901ad7946f2146f38b0c347ad35cc914'
                    }
                    'cat-script-console-submit': {
                        table: 'catalog_script_client'
                        id: '254d7baf436349ffb2ee01659d0db29e'
                    }
                    'cat-script-entra-group-submit': {
                        table: 'catalog_script_client'
                        id: 'c055f31299ae496f83e34c54510852d5'
                    }
                    'cat-script-entra-role-duration': {
                        table: 'catalog_script_client'
                        id: '2b547d3b2e26464e8553b72deffae1ff'
                    }
                    'cat-script-entra-role-submit': {
                        table: 'catalog_script_client'
                        id: '9cfb7cb3577043ceb919de8404a497d9'
                    }
                    'cat-script-local-admin-duration': {
                        table: 'catalog_script_client'
                        id: '7fea0feb92c94494904e613e20cb6896'
                    }
                    'cat-script-local-admin-prefill-incident': {
                        table: 'catalog_script_client'
                        id: '9eebd8dc29a348c280fde193518b94c0'
                        deleted: true
                    }
                    'cat-script-local-admin-server-change': {
                        table: 'catalog_script_client'
                        id: '2ffed9a6a3a547579d9a40acaa12e2f6'
                    }
                    'cat-script-local-admin-submit': {
                        table: 'catalog_script_client'
                        id: '0aa06e89298446c7b3b6fc3090139e66'
                    }
                    'dashboard-secops': {
                        table: 'par_dashboard'
                        id: 'fe59212da9f94d1dad09e1fd49e18446'
                    }
                    'dashboard-secops-tab': {
                        table: 'par_dashboard_tab'
                        id: 'd5a8b08eaa9a4df3862ca9092bd31288'
                    }
                    'dashboard-service_desk': {
                        table: 'par_dashboard'
                        id: 'e51d514ce6464520aa47471de36a287b'
                    }
                    'dashboard-service_desk-tab': {
                        table: 'par_dashboard_tab'
                        id: 'a7ead7e52fc24881948004ac3cc1da59'
                    }
                    'event-approval-due': {
                        table: 'sysevent_register'
                        id: 'c1319bb1801547fda464ee209a80b0dd'
                    }
                    'event-approval-requested': {
                        table: 'sysevent_register'
                        id: '5de309175d3b46269677c8fdd7b057d8'
                    }
                    'event-approved': {
                        table: 'sysevent_register'
                        id: '52208c417874413faa7d9ce0dc4bb8a2'
                    }
                    'event-cancelled': {
                        table: 'sysevent_register'
                        id: '8e43028c10534f87a9a7087c9a8cea3f'
                    }
                    'event-expiry-warning': {
                        table: 'sysevent_register'
                        id: '0b1dde6bcf8a4790aeeaa03578f305dd'
                    }
                    'event-granted': {
                        table: 'sysevent_register'
                        id: '35e4a30a6117473394fcf91059e315db'
                    }
                    'event-rejected': {
                        table: 'sysevent_register'
                        id: 'f24941f501a0415b8f306036a7ff05dc'
                    }
                    'event-revoke-failed': {
                        table: 'sysevent_register'
                        id: '13c8760f7f814e1995fd15e571b6b7b3'
                    }
                    'event-revoked': {
                        table: 'sysevent_register'
                        id: 'b7b224d6164245818aedf2f82def02fb'
                    }
                    'job-watchdog': {
                        table: 'sysauto_script'
                        id: '0f92a9e9513e4f08ad595375ed3bc7ae'
                    }
                    'mail-script-event-text': {
                        table: 'sys_script_email'
                        id: '042f80bb37994fd69fcfe2601a140912'
                    }
                    'menu-break-glass': {
                        table: 'sys_app_application'
                        id: '41800a7265284a1ba7a89785e7a45329'
                    }
                    'module-active-grants': {
                        table: 'sys_app_module'
                        id: '0ee0d7e13a424be0ac55662829f9cafa'
                    }
                    'module-all-grants': {
                        table: 'sys_app_module'
                        id: '08f0ef11fc4845edbeda3460caefa2a5'
                    }
                    'module-audit-events': {
                        table: 'sys_app_module'
                        id: '3520a43d683a4f8c8f9e8b6609cb81da'
                    }
                    'module-dead-actions': {
                        table: 'sys_app_module'
                        id: '98f02c4e0b4a49149395e9e5ab02ef2b'
                    }
                    'module-executors': {
                        table: 'sys_app_module'
                        id: '84a2be41b40c48b8820053cc45c2dc76'
                    }
                    'module-my-grants': {
                        table: 'sys_app_module'
                        id: 'f331cf7734574c15b51696b58d02207d'
                    }
                    'module-policies': {
                        table: 'sys_app_module'
                        id: 'a575daef4fe24a24854e08cac767edb2'
                    }
                    'module-properties': {
                        table: 'sys_app_module'
                        id: '7b80cac0d3814f43a386384bad4a6f84'
                    }
                    'module-queue': {
                        table: 'sys_app_module'
                        id: 'c387a1c93a394554a43dad7d15d20012'
                    }
                    'notify-approval-requested': {
                        table: 'sysevent_email_action'
                        id: '66d2d3ad7fbc49b8881b9be381e3d7ff'
                        deleted: true
                    }
                    'notify-approved': {
                        table: 'sysevent_email_action'
                        id: 'ce87a35e3f2846128790fc3b0606a8e5'
                    }
                    'notify-cancelled': {
                        table: 'sysevent_email_action'
                        id: '9ebbdb4547d4498fa3b16ca72a7fb502'
                    }
                    'notify-expiry-warning': {
                        table: 'sysevent_email_action'
                        id: '8dc7046af803402bb68d58387c62db43'
                    }
                    'notify-granted': {
                        table: 'sysevent_email_action'
                        id: 'b6db1698120741c48e57b85e73b934b0'
                    }
                    'notify-rejected': {
                        table: 'sysevent_email_action'
                        id: '2ce7fb384f9d4355a726a36f8389229b'
                    }
                    'notify-revoke-failed': {
                        table: 'sysevent_email_action'
                        id: '9e30eee46ae6453bbe9e6b2ac409a8ed'
                    }
                    'notify-revoked': {
                        table: 'sysevent_email_action'
                        id: '9f234fae9da245399db023b820430204'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '365acbd0a6504b54a160e947bab11174'
                    }
                    'prop-approval-timeout': {
                        table: 'sys_properties'
                        id: 'ba575f41823b4a459cf27124738edcf8'
                    }
                    'prop-default-max-duration': {
                        table: 'sys_properties'
                        id: '3164f7289f7b46b7ab055cac0ba58cf0'
                    }
                    'prop-device-admin-provider': {
                        table: 'sys_properties'
                        id: 'b07bcb4404834c108938bdb340c1f5c6'
                    }
                    'prop-emergency-approval-timeout': {
                        table: 'sys_properties'
                        id: 'aa228fd90d4c44749f01f2d61e767000'
                    }
                    'prop-expiry-warning': {
                        table: 'sys_properties'
                        id: 'aec0bb3805944ef1ace52e416051abc1'
                    }
                    'prop-heartbeat-stale': {
                        table: 'sys_properties'
                        id: '968b75889aa24d6491604866c9b53f7c'
                    }
                    'prop-integration-enabled': {
                        table: 'sys_properties'
                        id: '6c8aa23aaba149d59f5cb6b694f63d94'
                    }
                    'prop-nudge-enabled': {
                        table: 'sys_properties'
                        id: '82e34f159b4b4262a35f43316a2a19e3'
                    }
                    'prop-nudge-secret': {
                        table: 'sys_properties'
                        id: 'c7fb711585ee4983a909429cc1c2c81d'
                    }
                    'prop-nudge-url': {
                        table: 'sys_properties'
                        id: '7038c1131bcc4338a320a9215b1d3dcc'
                    }
                    'prop-resolver-group': {
                        table: 'sys_properties'
                        id: '877d37936e0d45708b7c8b44906d0302'
                    }
                    'prop-revoke-grace': {
                        table: 'sys_properties'
                        id: '563f94fbb9804d41b5d8b7fff1a37065'
                    }
                    'prop-secops-group': {
                        table: 'sys_properties'
                        id: 'bffaa187ab80467ca2aa1c6ab2878b3e'
                    }
                    'prop-watchdog-interval': {
                        table: 'sys_properties'
                        id: 'e16b18cf20e441b8b2eefb8f7dfa811c'
                    }
                    'properties-category': {
                        table: 'sys_properties_category'
                        id: '798c3a9e49624ae0a82ebc8c4cdfec45'
                    }
                    'properties-category-approval-timeout': {
                        table: 'sys_properties_category_m2m'
                        id: 'e592f7828db44c93874282b6a4f04fde'
                    }
                    'properties-category-default-max-duration': {
                        table: 'sys_properties_category_m2m'
                        id: 'ae730719791a47f4b3eef14b918465a9'
                    }
                    'properties-category-device-admin-provider': {
                        table: 'sys_properties_category_m2m'
                        id: 'ffb2edc17c4d451cbd757b66f09049db'
                    }
                    'properties-category-emergency-approval-timeout': {
                        table: 'sys_properties_category_m2m'
                        id: 'ddfa9ab1e171482eb12845c2b9507dbf'
                    }
                    'properties-category-expiry-warning': {
                        table: 'sys_properties_category_m2m'
                        id: '929c193b2c6043999d4c00f920b26ecc'
                    }
                    'properties-category-heartbeat-stale': {
                        table: 'sys_properties_category_m2m'
                        id: '2ea5a1ba9c284758aa1df503bcdbb92e'
                    }
                    'properties-category-integration-enabled': {
                        table: 'sys_properties_category_m2m'
                        id: '786dc15f64ed4911b4147f30510e83f5'
                    }
                    'properties-category-nudge-enabled': {
                        table: 'sys_properties_category_m2m'
                        id: '18f227b9f15c483097ae6d0eaa89b793'
                    }
                    'properties-category-nudge-secret': {
                        table: 'sys_properties_category_m2m'
                        id: '8c0ae9358d1a4d40910c880df5abd5c4'
                    }
                    'properties-category-nudge-url': {
                        table: 'sys_properties_category_m2m'
                        id: '429d2d2238144eafa0b05d9b2e0a8d2d'
                    }
                    'properties-category-resolver-group': {
                        table: 'sys_properties_category_m2m'
                        id: '84abea3336ad45a2b2eacb5343056386'
                    }
                    'properties-category-revoke-grace': {
                        table: 'sys_properties_category_m2m'
                        id: '099f3d33e4134805a25413e39d7c223f'
                    }
                    'properties-category-secops-group': {
                        table: 'sys_properties_category_m2m'
                        id: '03b078dfc609490ca48f66e8c4fb2e3c'
                    }
                    'properties-category-watchdog-interval': {
                        table: 'sys_properties_category_m2m'
                        id: 'ac648af3340947c085c8edc62cde6247'
                    }
                    'report-active_now': {
                        table: 'sys_report'
                        id: '9d5d3180e6d540a59835e92d16a8f0ae'
                    }
                    'report-approval_latency_weekly': {
                        table: 'sys_report'
                        id: 'd9c6f25c57bf406b91059cf9c0049677'
                    }
                    'report-auto_approved_share': {
                        table: 'sys_report'
                        id: '143cbc78e32b4dd3b900f68ab0a971e1'
                    }
                    'report-awaiting_approval_now': {
                        table: 'sys_report'
                        id: '72be3777f47b468081f35aa2b6309f63'
                    }
                    'report-drift_findings': {
                        table: 'sys_report'
                        id: '7cc8441c467f44bfb531b2f5dd10c552'
                    }
                    'report-emergency_share': {
                        table: 'sys_report'
                        id: '90188d94075a4268867e52ff780d8927'
                    }
                    'report-failed_now': {
                        table: 'sys_report'
                        id: '84e16994cf9444d28978a203514e5ed4'
                    }
                    'report-failures_and_escalations_weekly': {
                        table: 'sys_report'
                        id: '943f8d31423a4da8b4754f9594d79820'
                    }
                    'report-grants_by_kind_weekly': {
                        table: 'sys_report'
                        id: '5d8790d8f7774e1e8b421ecf9214e970'
                    }
                    'report-grants_by_provider_weekly': {
                        table: 'sys_report'
                        id: '3c5ed8b69bf849959b5151818c09eef9'
                    }
                    'report-grants_per_requester': {
                        table: 'sys_report'
                        id: '5690de8360074670a112071d2ea192ea'
                    }
                    'report-past_expiry_now': {
                        table: 'sys_report'
                        id: '1d76d82ba1634de480d86a167185e5b4'
                    }
                    'report-refusals_by_reason': {
                        table: 'sys_report'
                        id: 'acac6d719c454c3e8b7a985aff5ba0b0'
                    }
                    'report-revoke_lateness_weekly': {
                        table: 'sys_report'
                        id: '1d3cd7337ecc473697ae03254d939d6a'
                    }
                    'report-time_to_access_weekly': {
                        table: 'sys_report'
                        id: '64d9fe83909e4653bec483fe15b31294'
                    }
                    'report-votes_per_approver': {
                        table: 'sys_report'
                        id: '3fd30d69a59c438c83c4f3803666db4e'
                    }
                    'rest-breakglass': {
                        table: 'sys_ws_definition'
                        id: 'b50040b2db244b579772ca76c7ce642b'
                    }
                    'rest-breakglass-proposals': {
                        table: 'sys_ws_operation'
                        id: '5feac07127c94e1291afb01a5001af48'
                    }
                    'rest-executor': {
                        table: 'sys_ws_definition'
                        id: 'c8adb39288e74623bcc1bdeba9393852'
                    }
                    'rest-executor-approval-notices': {
                        table: 'sys_ws_operation'
                        id: '7f7481ee9b274ebfb9f3cdd6d9a84138'
                    }
                    'rest-executor-context': {
                        table: 'sys_ws_operation'
                        id: '7c2ef43144644dd098253a343d7c1797'
                    }
                    'rest-executor-gate-facts': {
                        table: 'sys_ws_operation'
                        id: 'ccc2bdbc2ad04faa8bc0b6e6647a1024'
                    }
                    'sc-category-break-glass': {
                        table: 'sc_category'
                        id: '2970373f6bbf45758e7825e77a62a30e'
                    }
                    'script-action-approval-due': {
                        table: 'sysevent_script_action'
                        id: '26c67a3515364ec3b16b76298036c040'
                    }
                    src_server_approvals_ts: {
                        table: 'sys_module'
                        id: '6852cd8946cf41239d994f9ae16fd507'
                    }
                    'src_server_approver-access_ts': {
                        table: 'sys_module'
                        id: '194577404e6b4ceb90e3516d45db3730'
                    }
                    'src_server_audit-chain-rule_ts': {
                        table: 'sys_module'
                        id: '7ce74ec6e6584ed6b449a82f05447244'
                    }
                    src_server_cancel_ts: {
                        table: 'sys_module'
                        id: '34d90a5e77cb41ccaa1c8cd353cfdb29'
                    }
                    'src_server_catalog-submit_ts': {
                        table: 'sys_module'
                        id: '8e87b2efb4e649ff9081f29c8f5bd8e1'
                    }
                    'src_server_chain-verify_ts': {
                        table: 'sys_module'
                        id: 'fa6346df78fd4516971529adbf6c41c1'
                    }
                    'src_server_claim-guard-rule_ts': {
                        table: 'sys_module'
                        id: '927f0645f4604ad68ba683b9fcb96d3c'
                    }
                    src_server_emergency_ts: {
                        table: 'sys_module'
                        id: '723423d0a47a4f488ec29c945bb24538'
                    }
                    'src_server_executor-api_ts': {
                        table: 'sys_module'
                        id: '5d7d9195ec08436e943edeee829c7af5'
                    }
                    src_server_extend_ts: {
                        table: 'sys_module'
                        id: '7f2b7792e03941f0908ddb05d28b1151'
                    }
                    'src_server_failure-routing_ts': {
                        table: 'sys_module'
                        id: '91f21880f27c4699bf9635a317f0b4f6'
                    }
                    'src_server_glide-io_ts': {
                        table: 'sys_module'
                        id: '2cdbcc3f2b8243ad9b77fd77a5c30b75'
                    }
                    'src_server_grant-measures_ts': {
                        table: 'sys_module'
                        id: '309f760313d1406baf6a06c2c15fd09c'
                    }
                    'src_server_grant-rules_ts': {
                        table: 'sys_module'
                        id: '8e12609f1e954a859301954f08007294'
                    }
                    src_server_notice_ts: {
                        table: 'sys_module'
                        id: 'd20a05d7510a4e6aaf62eb0f9167232c'
                    }
                    src_server_nudge_ts: {
                        table: 'sys_module'
                        id: '1f5ecdf0b30a4ccaba1c07406cbf0615'
                    }
                    'src_server_plan-store_ts': {
                        table: 'sys_module'
                        id: 'e2cf0162f9e0453aad2769ed7e7420e6'
                    }
                    'src_server_policy-confirmation_ts': {
                        table: 'sys_module'
                        id: 'af15571bf6e34f488de744060583b9d7'
                    }
                    'src_server_proposal-api_ts': {
                        table: 'sys_module'
                        id: 'c32631284d024350a46ceb450b2fa08d'
                    }
                    src_server_queue_ts: {
                        table: 'sys_module'
                        id: 'c7b4f7c31e4d43e9b6b0fdc5b0738a89'
                    }
                    src_server_request_ts: {
                        table: 'sys_module'
                        id: '7d52150f61f34b0bac7e969b92f46d35'
                    }
                    'src_server_revoke-now_ts': {
                        table: 'sys_module'
                        id: '2ed3d7a682064ed68303a5efae56421b'
                    }
                    'src_server_ritm-sync_ts': {
                        table: 'sys_module'
                        id: 'dc2df56963a54bae9b998cfcc8fe060a'
                    }
                    src_server_shared_approval_ts: {
                        table: 'sys_module'
                        id: '04fe0a1fc9b543338e98e6fef3053f4a'
                    }
                    'src_server_shared_approval-notices_ts': {
                        table: 'sys_module'
                        id: 'b1c3bae160184298916a771d001a48cb'
                    }
                    'src_server_shared_audit-chain_ts': {
                        table: 'sys_module'
                        id: '6aeed1778f1f4d4694c85c0ee0b77c76'
                    }
                    'src_server_shared_audit-reports_ts': {
                        table: 'sys_module'
                        id: 'a76165b202d842f88f038cdcb0204897'
                    }
                    src_server_shared_backoff_ts: {
                        table: 'sys_module'
                        id: '62702ea9db8340f381d48591f1f838a4'
                    }
                    src_server_shared_booleans_ts: {
                        table: 'sys_module'
                        id: 'b392d8c6b7de455ea44e082c665cd3ba'
                    }
                    src_server_shared_cancel_ts: {
                        table: 'sys_module'
                        id: 'fbc91a6586de402e8164b3eba4b1a7df'
                    }
                    'src_server_shared_canonical-json_ts': {
                        table: 'sys_module'
                        id: '0cd8950d858b42e29cfaeed3106afced'
                    }
                    'src_server_shared_claim-guard_ts': {
                        table: 'sys_module'
                        id: '3658d18160964eabac40e0a82b8a8d48'
                    }
                    'src_server_shared_console-packet_ts': {
                        table: 'sys_module'
                        id: '4b2c6c588715479e9d59b331bc3fb472'
                    }
                    src_server_shared_extend_ts: {
                        table: 'sys_module'
                        id: '15697e47bcfb409b8a3c6261dde37d6d'
                    }
                    'src_server_shared_grant-measures_ts': {
                        table: 'sys_module'
                        id: '17a6369073c241fb886351c722756b93'
                    }
                    src_server_shared_index_ts: {
                        table: 'sys_module'
                        id: '4e3dfe0e44114c61bf72bdaf51937c96'
                    }
                    'src_server_shared_notice-text_ts': {
                        table: 'sys_module'
                        id: 'ffe8380072c44b66b025f1d7c5443b7e'
                    }
                    src_server_shared_nudge_ts: {
                        table: 'sys_module'
                        id: 'f625d767d3e84632922867bd4faaa24a'
                    }
                    src_server_shared_plan_ts: {
                        table: 'sys_module'
                        id: '1bf2977887d545eeb6bcbc3a82bec02c'
                    }
                    'src_server_shared_plan-text_ts': {
                        table: 'sys_module'
                        id: '8fe25830aaf3480093e4655ab74ef92d'
                    }
                    'src_server_shared_plan-types_ts': {
                        table: 'sys_module'
                        id: '39536d91f48c4c99a1c9a208dbfa2efe'
                    }
                    src_server_shared_platform_ts: {
                        table: 'sys_module'
                        id: 'fcd67c5faccd44caa8fb774845e4ec17'
                    }
                    src_server_shared_policy_ts: {
                        table: 'sys_module'
                        id: '3f82f25c93eb4dcea145a4e38684496c'
                    }
                    'src_server_shared_policy-provider_ts': {
                        table: 'sys_module'
                        id: 'c72de0b0fd634b42a579de10fd993d99'
                    }
                    'src_server_shared_policy-record_ts': {
                        table: 'sys_module'
                        id: '5c444fb150544885b6582891f4409633'
                    }
                    'src_server_shared_policy-types_ts': {
                        table: 'sys_module'
                        id: 'e2fa9111ee42415e8ce0550e7910d641'
                    }
                    src_server_shared_proposal_ts: {
                        table: 'sys_module'
                        id: '1aa1f1e68fec485e9659033baa9cd762'
                    }
                    'src_server_shared_ritm-lifecycle_ts': {
                        table: 'sys_module'
                        id: '74a4a0c70d744d43b1078b0d7212dff6'
                    }
                    src_server_shared_schema_ts: {
                        table: 'sys_module'
                        id: 'dfd1122bd5bf4a74a92ccceebeda67ed'
                    }
                    src_server_shared_sha256_ts: {
                        table: 'sys_module'
                        id: '03831abc62424c80bf5bda656ebcb360'
                    }
                    'src_server_shared_state-machine_ts': {
                        table: 'sys_module'
                        id: '77d7fb60688d4abea2f9c80d8b8799ad'
                    }
                    src_server_shared_tickets_ts: {
                        table: 'sys_module'
                        id: '4bce4d93ea244e32ba0239bda5e0d7ab'
                    }
                    'src_server_shared_time-format_ts': {
                        table: 'sys_module'
                        id: 'd7fe08f3b917452395be0803870ca082'
                    }
                    src_server_shared_watchdog_ts: {
                        table: 'sys_module'
                        id: '5257ecd93c804690a0d751186b9bac86'
                    }
                    src_server_submit_ts: {
                        table: 'sys_module'
                        id: '955a666ee63b46d6a1d174d9384a73d3'
                    }
                    src_server_ticket_ts: {
                        table: 'sys_module'
                        id: 'c3694db33dd945a98fa1127bfafcf8fd'
                    }
                    'src_server_ticket-bound_ts': {
                        table: 'sys_module'
                        id: 'e7a78f9fb5514e7ea9e9ca7bbed00f12'
                    }
                    'src_server_ticket-update_ts': {
                        table: 'sys_module'
                        id: '08883b9031d04fbb8625851a6e2d671d'
                    }
                    'src_server_vote-io_ts': {
                        table: 'sys_module'
                        id: '2e148b3b64c34f0ba998ac4b7dbb178d'
                    }
                    src_server_watchdog_ts: {
                        table: 'sys_module'
                        id: '0e1d7641f72c4f0a9bcf5faec9aa44c1'
                    }
                    'uc-break-glass-requesters': {
                        table: 'user_criteria'
                        id: '2d802432fef54e5c8fedcfe0634e07f0'
                    }
                    'ui-action-grant-cancel': {
                        table: 'sys_ui_action'
                        id: 'd6a16b7af64a475e825ab2642a5c3641'
                    }
                    'ui-action-grant-extend': {
                        table: 'sys_ui_action'
                        id: '2e79cfd257b8460a8a7a7a80f8f1ace0'
                    }
                    'ui-action-grant-revoke-now': {
                        table: 'sys_ui_action'
                        id: '9d2b58d759be475f96abd61494ff984e'
                    }
                    'ui-action-grant-verify-chain': {
                        table: 'sys_ui_action'
                        id: 'd56299b737a547f0a6d79de120daded3'
                    }
                    'ui-action-incident-request-break-glass': {
                        table: 'sys_ui_action'
                        id: 'f5013e19aa34455689b60f0fff3aa106'
                    }
                    'ui-action-incident-request-console': {
                        table: 'sys_ui_action'
                        id: 'ce6ed9f8003e415982580871e2f6f88b'
                    }
                    'ui-action-incident-request-entra-group': {
                        table: 'sys_ui_action'
                        id: '3d6ae635ab4c4973872661f622dbb092'
                    }
                    'ui-action-incident-request-entra-role': {
                        table: 'sys_ui_action'
                        id: 'fe6a019740b74243a6dccaa8532bd988'
                    }
                    'ui-action-incident-task-request-break-glass': {
                        table: 'sys_ui_action'
                        id: '288a8c2d9a8a46d0a4b306148c794879'
                    }
                    'ui-action-incident-task-request-console': {
                        table: 'sys_ui_action'
                        id: '204b6b604c6a439c866d96bed6812d52'
                    }
                    'ui-action-incident-task-request-entra-group': {
                        table: 'sys_ui_action'
                        id: '159931f7035644c4a50f79ae5809f03c'
                    }
                    'ui-action-incident-task-request-entra-role': {
                        table: 'sys_ui_action'
                        id: 'f71edefde9cd441d99a501363e4a9256'
                    }
                    'ui-action-ritm-cancel': {
                        table: 'sys_ui_action'
                        id: 'ae13db4451bd4272b08102bb20077df8'
                    }
                    'ui-action-ritm-revoke-now': {
                        table: 'sys_ui_action'
                        id: '6e184804c21c49968ebdc7633afcfc40'
                    }
                    'widget-secops-active_now': {
                        table: 'par_dashboard_widget'
                        id: '1516340670cd4923bcf904c045bc22a3'
                    }
                    'widget-secops-approval_latency_weekly': {
                        table: 'par_dashboard_widget'
                        id: 'cb8f5764a79d4b46a38bc520015747ae'
                    }
                    'widget-secops-auto_approved_share': {
                        table: 'par_dashboard_widget'
                        id: 'a7a447b0021c4fc58aa4e7c3cfd1f4b0'
                    }
                    'widget-secops-drift_findings': {
                        table: 'par_dashboard_widget'
                        id: '8fe823624442401ba8153137b4153a41'
                    }
                    'widget-secops-emergency_share': {
                        table: 'par_dashboard_widget'
                        id: 'effb5a0469f445a7aa7ba3cb78cbd2b0'
                    }
                    'widget-secops-failed_now': {
                        table: 'par_dashboard_widget'
                        id: 'fc9e206489b0486a967d8a89a387c548'
                    }
                    'widget-secops-failures_and_escalations_weekly': {
                        table: 'par_dashboard_widget'
                        id: 'f865290c00a74c49a7bf36a943106067'
                    }
                    'widget-secops-grants_by_kind_weekly': {
                        table: 'par_dashboard_widget'
                        id: '65ae2d4e101a4e7bb13844aae2f038a6'
                    }
                    'widget-secops-grants_by_provider_weekly': {
                        table: 'par_dashboard_widget'
                        id: '1735eb7f51074689998a7281c0286466'
                    }
                    'widget-secops-grants_per_requester': {
                        table: 'par_dashboard_widget'
                        id: '40fcb59833e7450ebb0aa09b2dc49a4f'
                    }
                    'widget-secops-past_expiry_now': {
                        table: 'par_dashboard_widget'
                        id: 'a6e29ca4ac0f41ed89a76541102416ad'
                    }
                    'widget-secops-refusals_by_reason': {
                        table: 'par_dashboard_widget'
                        id: 'c21b6fe9bcf54233b9db83ba781d3fa0'
                    }
                    'widget-secops-revoke_lateness_weekly': {
                        table: 'par_dashboard_widget'
                        id: 'd9660e3b617e4566a2889b064435ea65'
                    }
                    'widget-secops-time_to_access_weekly': {
                        table: 'par_dashboard_widget'
                        id: '1efb5d84c58440b9bda65c453eacea65'
                    }
                    'widget-secops-votes_per_approver': {
                        table: 'par_dashboard_widget'
                        id: '0e158e95a6474bc7808c0dc0827c5d98'
                    }
                    'widget-service_desk-active_now': {
                        table: 'par_dashboard_widget'
                        id: '42f8b051985a4ee584b359a140bc9d58'
                    }
                    'widget-service_desk-awaiting_approval_now': {
                        table: 'par_dashboard_widget'
                        id: '5463be3668a54f29b512bcd57b6aa7e5'
                    }
                    'widget-service_desk-failed_now': {
                        table: 'par_dashboard_widget'
                        id: '2c926a87120e490d91331ab082f4ad4c'
                    }
                    'widget-service_desk-past_expiry_now': {
                        table: 'par_dashboard_widget'
                        id: 'cb71f241425048a5b6c61fd7e306d50b'
                    }
                    'xscope-change_request-read': {
                        table: 'sys_scope_privilege'
                        id: '89c76d588a5f45c6bb0366b3edaada59'
                    }
                    'xscope-cmdb_ci_computer-read': {
                        table: 'sys_scope_privilege'
                        id: '0e06e6976fea4c58bf19fd2edf9ea90f'
                    }
                    'xscope-incident_task-read': {
                        table: 'sys_scope_privilege'
                        id: 'e75f065cd09241c189b96f816053f3ee'
                    }
                    'xscope-incident-create': {
                        table: 'sys_scope_privilege'
                        id: '0bb19233b77f427dba8c8badc7f6db57'
                    }
                    'xscope-incident-read': {
                        table: 'sys_scope_privilege'
                        id: '4836492782154b00b30e20f83108dd31'
                    }
                    'xscope-incident-write': {
                        table: 'sys_scope_privilege'
                        id: 'b6c7d87a25034897b6b59cc9dafbb296'
                    }
                    'xscope-sc_cat_item-read': {
                        table: 'sys_scope_privilege'
                        id: 'ccb4b3603e664e8798e82c5c3ed790e1'
                    }
                    'xscope-sc_req_item-read': {
                        table: 'sys_scope_privilege'
                        id: '4e7c332c46e14ad78c4c39349ad1c795'
                    }
                    'xscope-sc_req_item-write': {
                        table: 'sys_scope_privilege'
                        id: 'e990c826f8564b54acb3771bec3f4749'
                    }
                    'xscope-sys_attachment-create': {
                        table: 'sys_scope_privilege'
                        id: '60ed7e9de95343e7ac1b5283765f2d5e'
                    }
                    'xscope-sys_attachment-read': {
                        table: 'sys_scope_privilege'
                        id: '312653fe36df44019cbfb10c70f19133'
                    }
                    'xscope-sys_audit-read': {
                        table: 'sys_scope_privilege'
                        id: 'da913196ecd149389e5abfc0fa8bc50e'
                    }
                    'xscope-sys_journal_field-read': {
                        table: 'sys_scope_privilege'
                        id: 'df158249788e4ca8be4d14f97b40917e'
                    }
                    'xscope-sys_user_delegate-read': {
                        table: 'sys_scope_privilege'
                        id: '8bd793d7fe2e42f092af1c6c8f9ff514'
                    }
                    'xscope-sys_user_grmember-read': {
                        table: 'sys_scope_privilege'
                        id: '1004cc132bd3412083cf03c0d547fbd8'
                    }
                    'xscope-sys_user_group-read': {
                        table: 'sys_scope_privilege'
                        id: 'fbd1de99fce84aeeb051231eaa476259'
                    }
                    'xscope-sys_user_has_role-read': {
                        table: 'sys_scope_privilege'
                        id: '4fa13018a23b492d9fa88b3709269526'
                    }
                    'xscope-sys_user_role-read': {
                        table: 'sys_scope_privilege'
                        id: '0e0d04a32f284465863d5c4481d02058'
                    }
                    'xscope-sys_user-read': {
                        table: 'sys_scope_privilege'
                        id: '437124a08e7c4325b0b7bd3697771f11'
                    }
                    'xscope-sysapproval_approver-create': {
                        table: 'sys_scope_privilege'
                        id: 'b5b41a7934d1435191994f2472879ac5'
                    }
                    'xscope-sysapproval_approver-read': {
                        table: 'sys_scope_privilege'
                        id: '3ebcb6e6fa4a4f069833e3347c20dc90'
                    }
                    'xscope-sysapproval_approver-write': {
                        table: 'sys_scope_privilege'
                        id: '66e4f129c89743159b828479724932f9'
                    }
                }
                composite: [
                    {
                        table: 'sys_security_acl_role'
                        id: '0031b6f5b9634fe49b80b8eaa219f14d'
                        key: {
                            sys_security_acl: 'ed2a9d1ba76e4debb575b322d79744c6'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '01273911adab4dfea0ed40ea28d69b21'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'revoked_at'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '019cde2ae23647e2b5805ed4e042cbad'
                        key: {
                            list_id: {
                                id: '387414dbf6004a30a692ee11b44817ba'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'event_type'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0231d50ef01b47b697cb20c3e5699451'
                        key: {
                            sys_security_acl: '4925df83be5e4c94a151e16ebddb248b'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0247956abf2a46dab869cfeacb968476'
                        key: {
                            sys_security_acl: 'ce9fc24b4ef54844b2a5630834811733'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '02539c04727547dbb22dab1f5c0e6633'
                        key: {
                            sys_ui_section: {
                                id: '36c530fa19874d06b62af8df4828b023'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    caption: 'Break-glass executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'name'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '025c3f3418c74e0ab72748b42dfbc16e'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'name'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '027dd08de7b7487ca4035e20ce1be3be'
                        deleted: false
                        key: {
                            document_key: 'f3e7114de3c14fdf97c4327b7fd42406'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '02a128c4bf46435180a57a40adba44f4'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'payload'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '02fb6fbeb99c4f2a87551b7fb35ba415'
                        key: {
                            sys_ui_action: '288a8c2d9a8a46d0a4b306148c794879'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0305ef6dd09e481e83d1af1c398dfc31'
                        key: {
                            document_key: 'b44561c63ccd4c31bac71f76ad3fe69c'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0329dffad9a44716b532b8be9ba18b76'
                        key: {
                            document_key: 'a9d0a1d68baa475eb6ec27b79b034a74'
                            variable: 'cbddfa135320220002c6435723dc3415'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0333122f3c854f558595e7238ae7ca39'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'confirmed_by'
                            position: '27'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '03bb091a3a954dc3bb1502d430b6d1de'
                        key: {
                            document_key: '25467db695f94a18964957600cc3c6c6'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sc_cat_item_user_criteria_mtom'
                        id: '03ca9885a5d840b3a8856e52f388d8f2'
                        key: {
                            sc_cat_item: '3591b98f67b049f8864f6f96d455957c'
                            user_criteria: '2d802432fef54e5c8fedcfe0634e07f0'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '041226cd906345b7808b61accaa12983'
                        key: {
                            sys_security_acl: 'b0847128fa644d98aa57c331af7224ad'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '0428df74fe9c415ba15da051530db20d'
                        key: {
                            question: {
                                id: 'a3f0cd17e8034f5f96d05981922ce4f3'
                                key: {
                                    cat_item: '3591b98f67b049f8864f6f96d455957c'
                                    variable_set: 'NULL'
                                    name: 'duration_minutes'
                                }
                            }
                            value: '120'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '04675c48a0d346e2974b92a6499de046'
                        key: {
                            list_id: {
                                id: 'caa647da9a064c03b5c37d9637d94154'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'grant'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0468fd006ac64962b8c25dc368c61add'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'auto_approved'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '048924b9f5f84f8fb10fc615ae58f93e'
                        key: {
                            document_key: 'cea9122c1d1d41aaa280ca875b8be191'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '04f470dedbe041b897157273ea1a3dfd'
                        key: {
                            sys_security_acl: '994a47eb2ccf4ca5aa96cb933537e342'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '051116dae0d74ea0ba46187b087c4b67'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'active'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '05bda1588c3746ad93f8871209b5ecc3'
                        key: {
                            sys_ui_section: {
                                id: '36c530fa19874d06b62af8df4828b023'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    caption: 'Break-glass executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'host'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '0628a7e2194140dbbc6892c8b4a2c342'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'attempts'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '062ddf64e5474297b767debcaca9ce43'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '065188a1b68047d7a204ca6c2105bd04'
                        key: {
                            document_key: '9efcd5068b2f402d919536c2046dd286'
                            variable: '67400008676003007ba405225685efa4'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '068b1683732a4808b92fa40a84f6203f'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'priority'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0695d2353e044550b8d9defe6473040b'
                        key: {
                            document_key: '9cc4c9736c134c9c9eafbd3f8c5031a8'
                            variable: 'ff6e125353a0220002c6435723dc3442'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '06e107a23592474f88aa47aba7297600'
                        key: {
                            document_key: 'a9d0a1d68baa475eb6ec27b79b034a74'
                            variable: '67400008676003007ba405225685efa4'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '072bc367e2104838b5638f64f7e717d4'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'approval_timeout_minutes'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '0734666e46d8497aa09c023e1d649f02'
                        key: {
                            question: {
                                id: 'a3f0cd17e8034f5f96d05981922ce4f3'
                                key: {
                                    cat_item: '3591b98f67b049f8864f6f96d455957c'
                                    variable_set: 'NULL'
                                    name: 'duration_minutes'
                                }
                            }
                            value: '60'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '076b4c06ad0140a0a11724cb79c60295'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'idempotency_key'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '080a048e711040b087135aef128660f5'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'requested'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '087ebe1dbf7e478c9ab0d3eac4cfe3c7'
                        key: {
                            document_key: 'a9d0a1d68baa475eb6ec27b79b034a74'
                            variable: '6aad5a575360220002c6435723dc34b0'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '089f1165cf6c426992d387edfd17f910'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'scope_helpdesk_admin'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0936f3c4311b44f78aed766edba97543'
                        key: {
                            sys_security_acl: 'a3e4d8edbff34440aff4c14ecc41e98b'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '09775903efbc4bf79fc9d8990cce4283'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approved_at'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '09a7e7a7dfdd490fb977cf1c492e8c13'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'confirmed_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0a6c48d0131b4bce839efc5def64e0c6'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'attempts'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0b745242ff764477b53f6c11e964ab3c'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'mac'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0bdb593df5894a15800b91eca27bb4f7'
                        key: {
                            document_key: 'ab02ad4c10424b73a4988aedef538e9d'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0bdd668aa960495da8041826bb2bdccc'
                        key: {
                            document_key: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0c316cfbfb3e4be18f8202c95e0eb664'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'hash'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0c5b5760c39542648a0c33d9ee108ce6'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'version'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0c6d44c71718474ea3537255d46f9af4'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'error'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0cc69b2581c541768cdc653375eb4d91'
                        key: {
                            document_key: '25467db695f94a18964957600cc3c6c6'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0cd93c14a5ed436ab08f1abe2cb81424'
                        key: {
                            sys_security_acl: '3289dd7ab61e4a76bff9d079aff899be'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '0cd9746b464d458d94b20f470b17d320'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0ce9144724824c1ead2327d08f27ed57'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0cf0eda6d5ae4de4bea44a163834c49b'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '0cfa3c0a50b24bbd987123a27cf33f84'
                        key: {
                            cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            variable_set: 'NULL'
                            name: 'duration_minutes'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0d0aed64110b41cfbb87db2d175e666c'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'confirmed_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0d3cdbb1277b475a87e20da58bb9959f'
                        key: {
                            document_key: '4af895c28e5a44a89ee2f6cb9bc7c5ac'
                            variable: '46dbcb535320220002c6435723dc3409'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '0d42a318c43544ecae09a2e3f1df2940'
                        key: {
                            sys_ui_form: {
                                id: 'fbe8dbd1d0ec432aa1209d87297b3704'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '0d5569dd46124130a076765a6b99ca71'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0d9334e677744197930e654f553dd05a'
                        key: {
                            document_key: '4fe4a3b5f8a04632a7bbca816a0b6b83'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0da83e89d2fd4bc0a6d1f27843c81de7'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'approval_stage'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0dcadf59888b468088749a858bc39651'
                        key: {
                            sys_security_acl: '7ff528df9cfe481e83343e214a8f1829'
                            sys_user_role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0de31d2b682f4b81925b63c4b9228faa'
                        key: {
                            document_key: 'f94a212b89194fdd8a921fb0c878c056'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0e608c2d753245c1a432ac047b6b6e22'
                        key: {
                            sys_security_acl: '975cfade9909435e9c31adf223d2634a'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0e7d29c92acb4974b6dd9cf29efdb090'
                        key: {
                            sys_security_acl: '354a04de4e3e40b58eec594faaac88f6'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0e8bbb06660041dbb940541d5662d09e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'allowed_device_classes'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0e8cd7f1a8134dc59ffa1af30e1a3e88'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'actor'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0ec2c86f810f4cffa77709d1dd3a13b1'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan_digest'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0f0d7607f5714fceb232cc11687caa70'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'change_request'
                            position: '24'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '0f6050a0b8764de29b23c1cd5602926a'
                        key: {
                            sys_security_acl: 'ce9fc24b4ef54844b2a5630834811733'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '0f67eff602ac49e79eb78ec66a379ed9'
                        key: {
                            sys_ui_section: {
                                id: '7ee3b4ae91724254bdd0bc852eaa628e'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Audit trail'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'ad3e8e50df0a4fcb9de569694a8654a6'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0fadf3fbe2d742beb752b5987b53285d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_group_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0fe2fa918faa4312a3c6dff2e993c9c3'
                        key: {
                            document_key: 'fc63f373127f480dba23ca09251301c0'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1028e9dec7094ec9ae8efdb325677a27'
                        key: {
                            sys_ui_section: {
                                id: '39dbf7ac5ae849a38e0d9c3a09585435'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Plan'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'plan_text'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '10630b3d4b844354b1f650c86ba33269'
                        key: {
                            document_key: '74956bcb06f6404a9c3b4e6e77315654'
                            variable: '3eee292353e0220002c6435723dc343c'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '107509c94d3c427d81d4303bc06e2ddc'
                        key: {
                            sys_security_acl: 'fd6f60dd7648444da7f0cb5fb97eaa8d'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1093ae60c0514139a85ad122ec53471e'
                        deleted: false
                        key: {
                            document_key: 'f3e7114de3c14fdf97c4327b7fd42406'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '110f1f0162f34db09790774cf075c63a'
                        key: {
                            sys_security_acl: 'cc51643b9d394a768b88fc0d7daafccf'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1151851528c04cb09eb514b54078f7c7'
                        key: {
                            sys_ui_section: {
                                id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Measures'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1151e1fcabe744658a64dd19669bfdc0'
                        key: {
                            sys_security_acl: '7ff528df9cfe481e83343e214a8f1829'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'catalog_ui_policy_action'
                        id: '117b24ceccb34049920cb43d10921697'
                        key: {
                            ui_policy: '901ad7946f2146f38b0c347ad35cc914'
                            catalog_variable: 'IO:58abfb64c2594e2d891ed3e21d7f8658'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1198604214054d97aa95fbd1809e7bfa'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'change_required_for_production'
                            position: '13'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '11a46d28d66643149939ed7825fd275d'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '11bae119daf94446a481e032c54f061d'
                        key: {
                            sys_security_acl: '1d8bbb88e65e4220883a3238ca9dd009'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '11d103b97e69424885161dc1919ade42'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'target_kind'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '11d9c2e910844c19bcab96ccd1128dc7'
                        key: {
                            document_key: 'b3e9e4d6ecf44b648310cc9812ea98da'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '123b99ecdfc94a6ba77c5c6e1ffcd2c2'
                        key: {
                            sys_security_acl: 'a7ba1b0a88a44650a4ab22fc6f254d4a'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1266fa90d333445c887a670b1c2b2a20'
                        key: {
                            sys_security_acl: '64f9a129cddc4c4184f95b5a61dd2e9e'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '12a8ff7b34024034888b2399ba1c5d23'
                        key: {
                            document_key: 'a85df6ef61df4efc8708404f827fbb6a'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '12aa08c1312645a8a2a7c2bb04f41e70'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '12c1c43063854023b0dd2caffe5826a1'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'incident_required_for_emergency'
                            position: '14'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '12c6aa9b651a49429617c7c644e75188'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'extended'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '12c7e3561556439a800783ae4884fabb'
                        key: {
                            document_key: '0416ee7caade42269c2f3612bdc4e8f9'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '12d96a18e6c440148b246cac45158eb4'
                        key: {
                            sys_ui_form: {
                                id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: 'a4d58f9e3a7c42fe947981968f236bd0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Revoke evidence'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '12f7b8490fec4542865bc3a4a5624155'
                        key: {
                            document_key: '3ef28d6c672b4f75b1d5996300a17ef2'
                            variable: '501c8f535320220002c6435723dc34da'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '13617ed1550d4665a3599edcc376dc88'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoked_at'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '13d630f826a8467eb4d026dd8f090b8d'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'justification'
                            position: '21'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '13d9814ef7624b05ac171240046a7ce6'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_d9bc5f21ff6033008d3f5d9ad53bf12d'
                            id: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1425e33d35c64146888db694ab5661fa'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'result_sys_id'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '144e7944eff34f4eae6ebec0d818231f'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '14619552e6504fa4a7c9b6825ae3fa38'
                        key: {
                            logical_table_name: 'x_gbg_breakglass_ticket_update'
                            col_name_string: 'idempotency_key'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1476ab349ad74200bc44ef11108d5ed9'
                        key: {
                            sys_security_acl: 'ce9fc24b4ef54844b2a5630834811733'
                            sys_user_role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '14967cc8942845568d3fe2353814962d'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'short_description'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '14dd4b12dbd54967a1772c2315ce8630'
                        key: {
                            document_key: '14e5d92abc854220a4d0288e31ea52f1'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '14fd9ad2fd2f4cf8a3e3d36784b47c8e'
                        key: {
                            document_key: 'e6b01792258c409fba0d760cfc3c8b29'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '15161c3bbf884cca84103bee7816ea22'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'par_dashboard_canvas'
                        id: '155dcb6cfcf84e2b94bb94e1c9c0bba4'
                        key: {
                            dashboard: 'fe59212da9f94d1dad09e1fd49e18446'
                            dashboard_tab: 'd5a8b08eaa9a4df3862ca9092bd31288'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '157cfd2326d04575b8ead62d865b2bcc'
                        key: {
                            sys_security_acl: 'e807961c8b2d4a439da5cf7a502c5dee'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '16188358f03243d7bc65879b9324fa7d'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '1626bc2014e143e0af93f3dbc1e2c4e6'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'order'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '164c71a0c111429d85cc444352e9361a'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'host'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '166d691e2fb14d00bd50a3971f5cd0df'
                        key: {
                            sys_ui_action: 'ce6ed9f8003e415982580871e2f6f88b'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '166dbc01e9db4aa688fa1a5b1c240085'
                        key: {
                            document_key: '87cdf23f66504783ad436bb58e0e9980'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '16ad19a7112c40fc9abb5fd2b2144d9e'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'short_description'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '17005cf65e164beb99ea2ca98ebf93ce'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'requested_by'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '172a84e4e57e4161b37a98dbe06610e9'
                        key: {
                            document_key: '3ef28d6c672b4f75b1d5996300a17ef2'
                            variable: 'bc4c43935320220002c6435723dc34a2'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '175f485fd3e94b6abbd761a6007ade3b'
                        key: {
                            sys_security_acl: '08e89c8b7b3743aa9bda26c211518610'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1782ddb4d00f46f7a342000bb2f265be'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'grant'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '17d12578512c4c63930dcf9a4405b8f7'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'x_gbg_breakglass_grant'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1801c2bc891b4ef6aac04b2160dceea9'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '184f49f8390241938e9006c41fa70d1d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider_txn_ids'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '18a4bc2c67c6459d8aa130c6cb8230d7'
                        key: {
                            cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            variable_set: 'NULL'
                            name: 'group_id'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '18e7bf5fd0a54325ac73cadc0abe272e'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '20'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '192a0f1acd4645b6845a76163fa265aa'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'grant'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '19dfe077386b4c8187692567395a3b62'
                        key: {
                            list_id: {
                                id: '062ddf64e5474297b767debcaca9ce43'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'last_poll_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '19eab9714b5347568800d3770b32185f'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'priority'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1a16f8a85a0941859d43956a8062783f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1a9ea944e6ee41e7a4b5497bda941bd6'
                        key: {
                            sys_security_acl: 'db67ddff432a41b2af43619d7d940d14'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1aa01f84f7e04ccfb53b46c485bab8cd'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_role_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '1aaed280f1364670acfa115d43a0b128'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'scope_security_admin'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1ae6c58d61d843a88393e8142dbd6910'
                        key: {
                            document_key: '0156305ab53042c89a9942f08bf156f7'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1b595bb9e8394925930ac5882098a0ea'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1bbd0f89f2394480a6153a5297f4332c'
                        key: {
                            document_key: '9cc4c9736c134c9c9eafbd3f8c5031a8'
                            variable: '52ed1e5b5360220002c6435723dc3421'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1bcd047809814876a80943bd1431be2f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1c132b367ef84c3d9b67eec892ec3571'
                        key: {
                            sys_security_acl: '565c333839104e25be31ca4b405b22fe'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '1c21b1972afe4017966c2b90e62f01a4'
                        key: {
                            sys_security_acl: '26ad5887379b4264a0e7fb2494f29340'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1c7c6a474f414cec87abb0876459c524'
                        key: {
                            document_key: '74956bcb06f6404a9c3b4e6e77315654'
                            variable: '7c5f6d2353e0220002c6435723dc34f6'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1cf7e1812c75471aad752c693c17c668'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'emergency_approval_timeout_minutes'
                            position: '21'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '1dd1c2055056446ba3276f27d80fb98a'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'emergency_max_duration'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_user_role_contains'
                        id: '1e6e059f5cda43338a2d189e53dac439'
                        key: {
                            role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                            contains: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1ea498717a7a4ec899b1ab6b5cd58e6c'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'event_type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1ef5ea0be58f4ac68ff3b6c338f09bf7'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'host'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '1efbd06c94b94309910c474445b72e66'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'completed_at'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '1f1be0c526cc4adc8df634d61cfae936'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'not_before'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '1f25b6cbd0b64187928df046ce527e49'
                        key: {
                            list_id: {
                                id: '387414dbf6004a30a692ee11b44817ba'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'hash'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1f699805fecb4fc6a003f244001113de'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'file_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '203cb030488344feb01086a90639ff07'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2073eedc1a494e8d96508734a4615f9a'
                        key: {
                            sys_security_acl: '289ce7316c8347cdad49c55dff3fb55e'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '209eab711f62430889eba3ffe0c30d12'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '20b6413ca72f4fab92cf89ab09c602ae'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider_txn_ids'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '20d1fb236b92411ba0451df30837ae30'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'completed_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '213f5465cfdc4e5e8872785014144d81'
                        key: {
                            question: {
                                id: '5ca5ceb8114449619aebb561283eba80'
                                key: {
                                    cat_item: '343034545f4e4bffab7562f501a4bf1a'
                                    variable_set: 'NULL'
                                    name: 'role'
                                }
                            }
                            value: '729827e3-9c14-49f7-bb1b-9608f156bbb8'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '21baf56b137345f982dd1664877b109e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'blocked_users'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '21c819a26b994646bf6ebaa0616e2023'
                        key: {
                            sys_security_acl: '6801e16ac4be4199a9b2dd3eb299f857'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '222eeb75ab9f41e6b272d95974290e2f'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'result_number'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '225b5405eb4c4d068ca9fb91fb46a292'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'attempts'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2273239095f04735b90ce5d7041f0023'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '229931c5aad04a5d850962e182e5ee0d'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'grant'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '22ab95f9da6e48e882a2131e07d224c5'
                        key: {
                            sys_security_acl: '112e373f20d047ec987f157056db20f1'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '236f6ae335af4cd8b07b70dde3e7336d'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'lease_owner'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '23ad6d8a5c6144d89a35003b3d263eef'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'high_risk_roles'
                            position: '18'
                        }
                    },
                    {
                        table: 'sys_user_role_contains'
                        id: '23d56225e99643bca94c4252a91510e5'
                        key: {
                            role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                            contains: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '23fd03b8c76c432786f63c8fb19b134a'
                        key: {
                            document_key: 'b3e9e4d6ecf44b648310cc9812ea98da'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '2439cc7bc42543ec9bcf58154cef1249'
                        key: {
                            sys_ui_section: {
                                id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Measures'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'time_to_access_seconds'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '24ac79369a66466b9fdc4b6d2490a6fd'
                        key: {
                            sys_security_acl: 'ea31d6b0550e4dd9bb9734ea1238d221'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '24b0a27bdc124d4393069bb937eccec4'
                        key: {
                            sys_ui_form: {
                                id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '24fe0db04c954250bbefec273ff4b2f2'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'requested_duration'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '25f0109720bb463b9fe751f3a0f7ad40'
                        key: {
                            sys_security_acl: '11b6b669d1e24fdda294d9b1198668e9'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sc_cat_item_catalog'
                        id: '26542489411d4a109ab9426547240128'
                        key: {
                            sc_cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '2672a06334f749589480f6bc1df77dd4'
                        key: {
                            name: 'x_gbg_breakglass.auditor'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '26fab29b275a4b7daf2174c280abdee2'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                            value: 'pam_account'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2718ee8204b74f2db12a1398cb34f64b'
                        key: {
                            sys_security_acl: '86c85a465bad42a584152044beb7dcd7'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2770cf9d89294d2f856a6964fed55f1d'
                        key: {
                            sys_security_acl: '40c40bc01eed4835bcbe157b10b8c4cb'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '27bd4225979346c497c797aabd6f1947'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'actor'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '28152639f72b44c7a80555ec1f9ce8d9'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            caption: 'Approvals'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '28ac377dbcbc4d1d96d0a80ac8f5053d'
                        key: {
                            sys_ui_form: {
                                id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Measures'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '28b00c3d79b94f8289732d36b6f74ab5'
                        key: {
                            document_key: '43dde28a41f946b284ca3447d5cab106'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '28b3e14a8064413bb2b5b8d0a3cee379'
                        key: {
                            sys_security_acl: 'c508f329ccb74ff5abfb7e03f9b74c7c'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '295c03cf444b408a88655524525e03a6'
                        key: {
                            sys_ui_section: {
                                id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Measures'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'revoke_lateness_seconds'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '296cc3439cb34212aec14f2d620cae66'
                        key: {
                            document_key: 'b44561c63ccd4c31bac71f76ad3fe69c'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '29a67df3e53045e3ad3d950a271236ec'
                        deleted: false
                        key: {
                            document_key: 'f3e7114de3c14fdf97c4327b7fd42406'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '29dfaa1377834c29b5e602aa6e51ea32'
                        key: {
                            document_key: '87352ce531dc4807b56f60f97bec076e'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2a017d8fd8c34fdca3a119ee4eb4c612'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'attempts'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '2a30028a11ea44259da8811fa5dd1799'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'executor_instance'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '2aad355423124d16ad2a0512d72f7c21'
                        key: {
                            list_id: {
                                id: '443232d48c7046af9419ad821f4b19db'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'sys_created_on'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '2b397aec2fca4c4abc3a7c1c68398d95'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_14872288df60220062fe6c7a4df26319'
                            id: 'cea9122c1d1d41aaa280ca875b8be191'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2bce9873efcb4eb8b6b7cf23d42b8d10'
                        key: {
                            sys_security_acl: 'a437aa7d0d0847338f8b3d9a11e31fef'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2bdc2b2f16624af78222984151c9b802'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'time_to_access_seconds'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2beccb2e64c04c90967e1d728d3996d3'
                        key: {
                            document_key: 'fc63f373127f480dba23ca09251301c0'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2c7c47171fe24487b1139a45fbbc8c45'
                        key: {
                            document_key: '675192be14e6476c9c2befbd53da743c'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '2c9b06f758c645e881493d8a644b0983'
                        key: {
                            cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            variable_set: 'NULL'
                            name: 'emergency'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '2cb9b34f7c69435bb1f15fa6c8bf32c3'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'justification'
                            position: '17'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2cba11d7c18446218fd92684df734c4e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'change_required_for_servers'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '2d5c574b4df14141b4239d30fda44470'
                        key: {
                            sys_ui_form: {
                                id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '2d60209910f549429b95a2f22900e7e7'
                        key: {
                            document_key: 'd477c4da4bcf464488bf356a4183bc13'
                            variable: 'ad351a4e53a0220002c6435723dc34f0'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2d9031fcc2704aab9f62c384e35b9c83'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'security_group'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2ddf6a2306a4402a8fa2763116a4c8b1'
                        key: {
                            sys_security_acl: '5ff73751a29b4cf8bdb38e1398bb6d5e'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2de940dec4e34f11b00123a534ed8c51'
                        key: {
                            sys_security_acl: '2d100ce873be4a02b18132c5b8188a3c'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'catalog_ui_policy_action'
                        id: '2e29ef0c37b54022bdbd2a7a47d7bb5c'
                        key: {
                            ui_policy: 'c1bd0982c0584d86abc6f8baf2d68108'
                            catalog_variable: 'IO:b8c0e7efdf8d4fa88529b331a99205c6'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '2eb5ac8dce6b4a88ba4028dfe94e328b'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'lease_until'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '2f0d842cb86041439208d2113b6f19c4'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'revoke_reason'
                            position: '8'
                        }
                    },
                    {
                        table: 'sc_cat_item_catalog'
                        id: '2f41d2061441496babef9f2253848353'
                        key: {
                            sc_cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '2f43cb85aaa846f4b02daa424dae1c5c'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                            value: 'pam_account'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '2f725a57970449e2b285ac5b493defb4'
                        key: {
                            cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            variable_set: 'NULL'
                            name: 'duration_minutes'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2f7e12f889b5482096093bccc41d9e20'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approved_duration'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '2fb5560638bf4ea4bcb83b5d395e5e9c'
                        key: {
                            sys_security_acl: '4133a7ebba1740d88fc372a0f3cc9d9d'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2fdd66f25a304349a3fc495da629749c'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_ci'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '30d04b8233bd4088a48e24a579bf0b15'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_tenant_name'
                            position: '18'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '311f2714e5c449faa42f797d66848088'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'number'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '31cec03a17264cb7b1a5b045f0d39be2'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '322e6218598c4b0389ae68e13f03f0ba'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'incident_kind'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '3258b0ef1af245d0bc22209597b15fa9'
                        key: {
                            question: {
                                id: 'a3f0cd17e8034f5f96d05981922ce4f3'
                                key: {
                                    cat_item: '3591b98f67b049f8864f6f96d455957c'
                                    variable_set: 'NULL'
                                    name: 'duration_minutes'
                                }
                            }
                            value: '30'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '329a5e30fd3146d08d667df6fa93a282'
                        key: {
                            cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            variable_set: 'NULL'
                            name: 'requested_for'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3306a280737f45e9b37c83cdcad52ad3'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'awaiting_approval'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3357eb81d4cf4ab888c6dc447f8d7935'
                        key: {
                            sys_security_acl: '36440616c8e64748adff67780dcec798'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '33bc7e5ab810408884af312d57137b6b'
                        key: {
                            document_key: '60f28e4798d34e96a7e54ca1ddcb0b43'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '33fd712601cb46788eb92b4347f09546'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'active'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '35606558b17d4359b98572de6ecbbb38'
                        key: {
                            list_id: {
                                id: 'caa647da9a064c03b5c37d9637d94154'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'sys_created_on'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '35906c737a25462f87a202f0a836dcd0'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'max_duration'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '359f6346c67f43fda9c65d079d72edb4'
                        key: {
                            document_key: '48856c27177c4330ae5033e057390752'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '35b0c1b19efe42de9f9a0ebf8b1ad7b2'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'opened_by'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3685ba7f8c9b4ee5909cacaf0789e932'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'edited_by'
                            position: '26'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '36c530fa19874d06b62af8df4828b023'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            caption: 'Break-glass executor'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '36ee3a361fa9441c9395fcc66c10737b'
                        key: {
                            sys_security_acl: 'd4bab2d7a25b4ed39f87e9662f162ef1'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3730862fbd2c42ed9408bcab1c6d4ff2'
                        key: {
                            sys_security_acl: '6a2236712efd4e99b87aed714231bf53'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '37491ab3a8ae4d1e990e0f1d156cb3b2'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'auto_approve_rules'
                            position: '19'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '374f710ec515472e954c5e77d6dd5be1'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'watchdog_incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3778cf9089ca45be9353538d551b6ce6'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'change_required_for_servers'
                            position: '12'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '378a3f6dce474108a712cf7141a3670e'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'attempts'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '37e8f27c32914ff6bb583797e60dd8ff'
                        key: {
                            list_id: {
                                id: '8a931ee49e044aa49f3b5a35038cd551'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'sequence'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '37ef1e62cfcd4369958e5665444c31c9'
                        key: {
                            document_key: '48856c27177c4330ae5033e057390752'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '387414dbf6004a30a692ee11b44817ba'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'x_gbg_breakglass_grant'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '387f26772cbb4c6d9d0eb54cb3c30e76'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'allowed_roles'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '388163beffa540a29fb4f33811112209'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'customer_authority_group'
                            position: '25'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '38d50fbdfed546e180eebcb3a97d167f'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'account'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '3970eb21d5aa4b68adb422d1963c3855'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '39dbf7ac5ae849a38e0d9c3a09585435'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            caption: 'Plan'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '3a26b6cdfc5a4aecb3cb81bf5fe13925'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'justification'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3a913f4c454f4ba59b4c07a473c212de'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'event_type'
                            position: '3'
                        }
                    },
                    {
                        table: 'par_dashboard_permission'
                        id: '3aa413e682114c56a0b24e834b1407c1'
                        key: {
                            dashboard: 'e51d514ce6464520aa47471de36a287b'
                            user: 'NULL'
                            group: 'NULL'
                            role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3ac441d78aa4481280c801b35cf4f3f0'
                        key: {
                            document_key: '5a2a8ac6b24845c2bed195c858a5826b'
                            variable: '571e6a25c3b2220076173b0ac3d3ae46'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3b65a17f0f394af79c42abd5864980f6'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_scope'
                            position: '19'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3ba6debdfc3c43aaab01538dddcaab46'
                        key: {
                            document_key: '4af895c28e5a44a89ee2f6cb9bc7c5ac'
                            variable: '53fb0f535320220002c6435723dc34ec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3be2328141734b769bbddd8c74f80834'
                        key: {
                            document_key: 'a2b93666437f48e1a529dce3d85f2540'
                            variable: '586e2c4253e0220002c6435723dc3415'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3ca87bd265b54ce9bf36818ab2d3571f'
                        key: {
                            sys_security_acl: 'c1845112aa0744cb94669c7833e170ef'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3cca4415f92a42dea8f39df12292e58e'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan_digest'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3cd3d5b91ba644eb87f39f28b75536bf'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'confirmed_digest'
                            position: '26'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3d1610cff7544e5fbfe86322b252127d'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'ritm'
                            position: '22'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '3d4e8781a61242b0b1b17779e18f432b'
                        key: {
                            field: 'user'
                            table: 'var__m_atf_input_variable_071ee5b253331200040729cac2dc348d'
                            id: '39ed0a5691d44a7a8782b987852e51bc'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3d62a680632c4c0a8b84b1f2aee9f1d9'
                        key: {
                            sys_security_acl: '205d652cfa8442b1a69ebd4882a2c313'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '3d6aff8c4cbb427c946d535878b52d01'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3dbc9bcf37a947568eaabc531ffa6255'
                        key: {
                            sys_security_acl: '701b459bb9ba4f21b2ad94e396e375a3'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3de5a51bb6d845e6b3e3dd9d4fb9575e'
                        key: {
                            document_key: '14e5d92abc854220a4d0288e31ea52f1'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '3e2c23333f774f0cbc861ffa69664822'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'mac'
                            position: '9'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '3e70ba86f5bb4d23a5b43a242abea1e2'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3eb80e5e9fc04fc598f57f57295676d3'
                        key: {
                            document_key: 'a85df6ef61df4efc8708404f827fbb6a'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3ebddb260b7c4192ad37e4e53f2b1714'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                            value: 'failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3eda828637a841878cabe30c40192f0f'
                        key: {
                            document_key: 'fa9d0276d26d4050b2fed36a88af522c'
                            variable: 'b0d64ce1c332220076173b0ac3d3ae95'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3f55c4ec26c449f7a18bd35006c4ecf9'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'auto_approve_rules'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3f67409877394fb2a8a02c9d8b5d60d3'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'action'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '3f94a8828e69475e8da0e3136531f277'
                        key: {
                            sys_security_acl: 'ed2a9d1ba76e4debb575b322d79744c6'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3f9e1ea68df9493ba85a43a81ec87d93'
                        key: {
                            document_key: '4af895c28e5a44a89ee2f6cb9bc7c5ac'
                            variable: '501c8f535320220002c6435723dc34da'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '3fb79a05ac9046d3a0507f740e8dc4e3'
                        key: {
                            document_key: 'a8563365ff35467d9d9c370fbb74e896'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '3fb86fad0aa04f0d9752b2a2d7ee4827'
                        key: {
                            cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            variable_set: 'NULL'
                            name: 'requested_for'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4027ab8030074b28a74d836dfb36df9d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'expires_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '40572cb7df7641198b561361606c2d80'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'confirmed_digest'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '405ea7bb333e4d46930b195f83b00f32'
                        key: {
                            sys_security_acl: '6a2236712efd4e99b87aed714231bf53'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '408cdd432fca4b5bab2aa69e67a54e5f'
                        key: {
                            sys_security_acl: '5f660a51fce342c48fcab13fe1cbf4cb'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '40a3c2aa2302493bb8b7bcd32fff8233'
                        key: {
                            sys_ui_action: '159931f7035644c4a50f79ae5809f03c'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '413620e0ed3e4b9a9f6c37040e10bbb3'
                        key: {
                            sys_ui_action: 'f71edefde9cd441d99a501363e4a9256'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '416528e2f9464500ab1dc4c2663933a8'
                        key: {
                            document_key: 'b73449dab5074ace8ce514acc9589e51'
                            variable: '67400008676003007ba405225685efa4'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '41996a90301445d58892910a48f3767d'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'allowed_roles'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '41b627ddfee8405ca15f1320d8400284'
                        key: {
                            sys_ui_action: '6e184804c21c49968ebdc7633afcfc40'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '42102769f4e44a809de8c6584a822660'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '4226e9e0688b4ef6bd7c13418ecd75d0'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'min_duration'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '42c92516eb1c490d82355ef1d59b6c1d'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'grant'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '43a66f069b954d99a702a867babea4ce'
                        key: {
                            document_key: '35708fbe53e74637af4d03b40f6f4567'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '43d5975b347c43d29bc402262ff537b7'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'ritm'
                            position: '18'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '43ef411dce3d4005b583a9e109cf5467'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'not_before'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '44167fa9a0e642b380cfe708052949d4'
                        key: {
                            document_key: 'a8563365ff35467d9d9c370fbb74e896'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '4420e34c806b458a8517c76a4fff2c89'
                        key: {
                            document_key: 'd477c4da4bcf464488bf356a4183bc13'
                            variable: '17d732a9c7a333005e5c45b881c26007'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '443232d48c7046af9419ad821f4b19db'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'x_gbg_breakglass_grant'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '446f1e0a54c7471a8ea941bbc1c60a11'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'customer_authority_group'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '448c3d69a3d4408d960dee2511586bd4'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'business_hours'
                            position: '15'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '44f42700f3c6441ea1a807e979d1e1bf'
                        key: {
                            document_key: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '4592c098c404412ba3d549dd19968792'
                        key: {
                            list_id: {
                                id: '387414dbf6004a30a692ee11b44817ba'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'sequence'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '4605d374ddd94deba9e43d8146abd998'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'max_attempts'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '46a409155149424595714be27e04812f'
                        key: {
                            sys_ui_action: '6e184804c21c49968ebdc7633afcfc40'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '46b75d721c57461687daa422cd17f365'
                        key: {
                            document_key: 'a8563365ff35467d9d9c370fbb74e896'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '4700e669c4bf4aa68f8109ccbf399675'
                        key: {
                            document_key: 'cea9122c1d1d41aaa280ca875b8be191'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '4742db03417c4ee7a7a2d1404f37cf2f'
                        key: {
                            list_id: {
                                id: '062ddf64e5474297b767debcaca9ce43'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'last_claim_at'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '4776b2f7b52b4eae9cc222a0f28bcd87'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'emergency_max_duration'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '47b06ba2cf6148b485eee930d8c9b95b'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_group_id'
                            position: '15'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '47d40ed82e764c02b431e9dac19752b2'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'priority'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '47f022b2619c49eab9f86de416de1e87'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                            value: 'epm'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '48229eaa21954b858f324beb3e5ee65b'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'emergency'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '482bd57cf4c84237850a53e4a5c47919'
                        key: {
                            sys_ui_action: 'f5013e19aa34455689b60f0fff3aa106'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '483baa697a5c4923a4b24cfedaec6454'
                        key: {
                            document_key: '48856c27177c4330ae5033e057390752'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '4855ef7315494da9adb1a2f2b0e3215c'
                        key: {
                            document_key: '9cc4c9736c134c9c9eafbd3f8c5031a8'
                            variable: 'cbddfa135320220002c6435723dc3415'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '487f17a8c26e463d85dedc1e95d7c003'
                        key: {
                            sys_security_acl: '7ff528df9cfe481e83343e214a8f1829'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '48a0123033d0438db5f5c1960ba84d69'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'expired_unapproved'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '48cebd4d748c40cc8dfb7dbdabe2a9ce'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'last_poll_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '48e5cde41803468c88113ad2b88eb22a'
                        key: {
                            sys_security_acl: '1f603d340a154d4aa4173ef87253a0d2'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '490994ce028f4833bc746949087e1d49'
                        key: {
                            sys_security_acl: 'e807961c8b2d4a439da5cf7a502c5dee'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '492099da52e84d7080fefa010ac1961e'
                        key: {
                            sys_security_acl: '36440616c8e64748adff67780dcec798'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '495a9dae2ea84dcc8d62de8810098808'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'corp_managed_only'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '49642b5726754c15a653569da49ede07'
                        key: {
                            document_key: '4af895c28e5a44a89ee2f6cb9bc7c5ac'
                            variable: '334b7bb7675003007ba405225685ef72'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '49661e420c81462eaef882fb88a6925c'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'version'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4989a58e6d6941eb81e8bd80c5f13c7b'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'refusal_code'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '49f1564e84b84b75add3072d94f4bb4f'
                        key: {
                            sys_ui_action: 'fe6a019740b74243a6dccaa8532bd988'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4a47a70e74f2475c81e71b91357d6781'
                        key: {
                            sys_security_acl: '0d5391083b524ab8bfa9bdb4a06d9381'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '4a74033e90be4a17be45338c64cdbd90'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                            value: 'entra_role'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '4aafbcb5229745e2bd25162cbbe46897'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'tenant_id'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4acce5c737ab4c6e825b6714efe2d4d7'
                        key: {
                            sys_security_acl: 'c1845112aa0744cb94669c7833e170ef'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4b2d9cc8b92f448ba61d053b73b9229a'
                        key: {
                            sys_security_acl: '565c333839104e25be31ca4b405b22fe'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '4bf340f460e245e3b7789d9ec7ec0dc6'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'idempotency_key'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4bf769f3d4d24d64a1af0d8e1c3e92a6'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'lease_owner'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4c399359dbb14e4f931f4074f0f06017'
                        key: {
                            sys_security_acl: '289ce7316c8347cdad49c55dff3fb55e'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4d82769f7c164b7da68f381b7de36830'
                        key: {
                            sys_security_acl: '7ff9c758fa3e400783f7cca97810cea5'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4d99ad4900e343cc948a12746a8ae1e6'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4dc5c3b220b44cc8a9e70da67093083d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'requested_for'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '4e85ff186f4a4ad0aae25cfc69db3fde'
                        key: {
                            name: 'x_gbg_breakglass_action'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4eaaa75b1a2e4b9bb98065d7f627bcc3'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'executor_instance'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '4ed36c5b43ce496298cb8383fde9ac30'
                        key: {
                            field: 'record_id'
                            table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d'
                            id: 'b73449dab5074ace8ce514acc9589e51'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '4f460121ce494d77bdf7709c6897075b'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '4fb19a5168124135afcd475595c6958a'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'escalation_group'
                            position: '22'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '4fb4ffe20dea40fa97766cc1ad5689b1'
                        key: {
                            cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            variable_set: 'NULL'
                            name: 'emergency'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '506373c9e46344c2b5983a651d6ef3c1'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'justification'
                            position: '18'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '507803a224c34284a9875be5034b7740'
                        key: {
                            document_key: 'cea9122c1d1d41aaa280ca875b8be191'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '50d05f0477114bf886b1d422febdb8c3'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'active'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '50e4b6521dd742b1a9d781ccac9bc711'
                        key: {
                            sys_security_acl: 'c1845112aa0744cb94669c7833e170ef'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '50ef1fe8723d4fa1bc3d2c09a45fdf19'
                        key: {
                            document_key: '60f28e4798d34e96a7e54ca1ddcb0b43'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '51758b633cf74b9889105b652bc1fda2'
                        key: {
                            document_key: 'a8563365ff35467d9d9c370fbb74e896'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '51ad00a6e8c0498b96a2c77e6f34dd79'
                        key: {
                            document_key: '1e40e4f016764efaa2f6703bab3442cb'
                            variable: '17513cb2c310320076173b0ac3d3ae64'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '51d6130ffded4b968f75c1b7c1f64745'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'tenant_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '51e3acd6eb614649b07c087ffee730d1'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '51fd87f33c834896894d7551d08745f7'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'second_approver_rules'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '5257a52f20304f6f9bcc5b514aeebd49'
                        key: {
                            logical_table_name: 'x_gbg_breakglass_action'
                            col_name_string: 'lease_until'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '52d8207519c1483d9c871ec3259e09ca'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            caption: 'Break-glass audit event'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '52fd4da291c749569a197ecb01bafa9a'
                        key: {
                            document_key: '9efcd5068b2f402d919536c2046dd286'
                            variable: 'ff6e125353a0220002c6435723dc3442'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '533affc16127441994f22082fbcd8369'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'extends_grant'
                            position: '22'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '534f5a02fc7c49e58ec7a1d0baec3506'
                        key: {
                            list_id: {
                                id: '443232d48c7046af9419ad821f4b19db'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '537ed6898d7846d890576a328e3a17d4'
                        key: {
                            sys_ui_action: '3d6ae635ab4c4973872661f622dbb092'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '53e78a71145f43faa671b53ad7765d46'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'result_number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '53ff41c8e4574f6bb94bc2dd1119dedd'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'not_before'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '54b151c2f41143a789dcdbe42429e15d'
                        key: {
                            list_id: {
                                id: '443232d48c7046af9419ad821f4b19db'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'error'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '55057a85cce74c6e97c6b1cb02f0dddc'
                        key: {
                            document_key: '74956bcb06f6404a9c3b4e6e77315654'
                            variable: '334ea2f153212110248dddeeff7b1255'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5555ee08eec94e4281601d4ec60d3689'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
                            value: 'revoke'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '555c3b5d949b48778e2e5c963424c4ac'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'requested_by'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5582640f779f42f7a6cba29dd1eb8720'
                        key: {
                            sys_security_acl: '36440616c8e64748adff67780dcec798'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '55c27fff02394640a0521c9c924c76d0'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'incident_kind'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '562d1a2ecc904719be0d97f65aaf8b7b'
                        key: {
                            sys_security_acl: '999e7139ecdb4c93a1270d0326cbada4'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '564b009229db4ee9a5d16a061ced3b29'
                        key: {
                            document_key: '48856c27177c4330ae5033e057390752'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '56ae8d29f41646e5a2fbf1ece69eaf92'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'approval_timeout_minutes'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '57134db4c24846b58fa6b2b6385bd67b'
                        key: {
                            sys_ui_action: '9d2b58d759be475f96abd61494ff984e'
                            sys_user_role: {
                                id: 'ea3220ed4395428ebf113385cdfb9019'
                                key: {
                                    name: 'x_gbg_breakglass.approver'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '576169388fa24382b37df9c1ee25e6ce'
                        key: {
                            sys_security_acl: 'ed2a9d1ba76e4debb575b322d79744c6'
                            sys_user_role: {
                                id: 'ea3220ed4395428ebf113385cdfb9019'
                                key: {
                                    name: 'x_gbg_breakglass.approver'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '57f1d52330e34cdc8ae9032ea099465d'
                        key: {
                            sys_ui_action: '9d2b58d759be475f96abd61494ff984e'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5882c0fe2f854406a3ac19ff1f84c9a9'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoke_reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '589ec05a5d434a08b8e077a98da13629'
                        key: {
                            sys_security_acl: '1d8bbb88e65e4220883a3238ca9dd009'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '58a1ac3c3e4e4f0ca4009242b21ab91a'
                        key: {
                            sys_ui_section: {
                                id: '7ee3b4ae91724254bdd0bc852eaa628e'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Audit trail'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '12M.x_gbg_breakglass_grant.x_gbg_breakglass_action.grant'
                            position: '2'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '58abfb64c2594e2d891ed3e21d7f8658'
                        key: {
                            cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            variable_set: 'NULL'
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '58bf6fc1382a4a78a0725dfa46fcd288'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'confirmed_by'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '58ccc4f424124228a8e01c2e78cbf8de'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_ci'
                            position: '12'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '58d7c94242ef4cd1bc2ed7f0f07f7728'
                        key: {
                            document_key: '1e7724967f97451892b384f852570235'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '58e9356a44094801b534f0dc7d305037'
                        key: {
                            document_key: '87352ce531dc4807b56f60f97bec076e'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '59208b7ed0304652a68b2e943fc5c797'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'confirmed_by'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '592253969f3745378db95bf0972084ff'
                        key: {
                            cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            variable_set: 'NULL'
                            name: 'duration_minutes'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '592976e9a5524860af5f2d19e9b1d1b8'
                        deleted: true
                        key: {
                            sys_security_acl: '84f7db885a2f419c877e0a75786ba6ce'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '594b5c4182cc4f2e8d484e058dfea03c'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5987aae1e9274539bbb9c9285efcdf9f'
                        key: {
                            sys_security_acl: 'ff3bdbf9eac84de8a251f9aa3f317689'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '59922aacad5d4c3eb87fce975b009121'
                        key: {
                            sys_security_acl: 'ed2a9d1ba76e4debb575b322d79744c6'
                            sys_user_role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '59b27a7958c24724a9cf05118e2a19f3'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'requested_duration'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '59b628a5b8994e05831a1db1b42e2cf2'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'priority'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '59cf7d2cd02f49f3905b8c79cfd223cf'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '59d3daafebf24228a00ed59db8e0732f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_account'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5a09be621c394f3d88eceac22c85d62b'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'idempotency_key'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5a3c695fa72a4f888eca5e65e7562ff3'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_role_name'
                            position: '13'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5a8cb93d6ffe4cd4ba82b4388d04a788'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'queued'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '5af3d27a2a14449bb09981e0749aab59'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'target_kind'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5b14d2c5b69f44dbb3581005e5d9b3c1'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'watchdog_incident'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5b753601a72149048ed66b490f1774ad'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_kind'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5b87b3dd4c5144938bbaac29b8dbf904'
                        key: {
                            sys_security_acl: '0c4f4be96a254ae79ad2b472a60cd89d'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5b9599e7be4f4425a48805857222a481'
                        key: {
                            sys_security_acl: 'ea31d6b0550e4dd9bb9734ea1238d221'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '5bd1c2c58cfc48fd9452007af13ff1fc'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'edited_by'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '5ca5ceb8114449619aebb561283eba80'
                        key: {
                            cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            variable_set: 'NULL'
                            name: 'role'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5cb1260db0b3416fb9b7ad0345960987'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'auto_approve_rules'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5ccc2f67251a4c76ab01ab55c0e54d42'
                        key: {
                            sys_security_acl: '0d5391083b524ab8bfa9bdb4a06d9381'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5cf5e36608a847ba86d33940ff5c1fd9'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'grant'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5d066915e5004dfab14aa53660b67cc3'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_account'
                            position: '15'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: '5d6aa322d29843059ab10f2c84629208'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5d6b0c0e7d2c4f92adfe02c639f5ab0e'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_account'
                            position: '16'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5e12f77e761b49d89359a6c4d0fb5a3f'
                        key: {
                            sys_security_acl: '4279367e37b846b4a4e8a196612253d1'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5e5280bc8d294b08ad35958ac91710e9'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_latency_seconds'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5e8064ccb51e4c8884a1fb873e4f0f5b'
                        key: {
                            document_key: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5e92058542a14bd38c6200f9f1dc0b04'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_requested_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '5eb29d7b5049404a849f9e417cc694fe'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'proposed_by'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '5f03a6c1835c46ca98a0695abb6c998b'
                        key: {
                            sys_security_acl: '36440616c8e64748adff67780dcec798'
                            sys_user_role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5f83c5495a464b02b62439f8a7958972'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '5fb389ad49ad4932bdd73378000b3cb5'
                        key: {
                            document_key: '43dde28a41f946b284ca3447d5cab106'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6015a477f8e24daea84768727081e131'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'mac'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '603960e263994005ab0299170e2868ba'
                        key: {
                            sys_security_acl: '289ce7316c8347cdad49c55dff3fb55e'
                            sys_user_role: {
                                id: 'ea3220ed4395428ebf113385cdfb9019'
                                key: {
                                    name: 'x_gbg_breakglass.approver'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '61012ec4e016431c9b7a1e07f3bc4e7c'
                        key: {
                            document_key: '4fe4a3b5f8a04632a7bbca816a0b6b83'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '6104cd9036d74479ae9dfbaf6b9a8240'
                        key: {
                            question: {
                                id: '5ca5ceb8114449619aebb561283eba80'
                                key: {
                                    cat_item: '343034545f4e4bffab7562f501a4bf1a'
                                    variable_set: 'NULL'
                                    name: 'role'
                                }
                            }
                            value: '62e90394-69f5-4237-9190-012177145e10'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '611110b3767b4712a7113ca13d1b101e'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'result'
                            language: 'en'
                        }
                    },
                    {
                        table: 'catalog_ui_policy_action'
                        id: '613034c6feaf4e4199e159c0ca601835'
                        key: {
                            ui_policy: '6000a37edb734dc89d2c2fdfefd458c3'
                            catalog_variable: 'IO:776f72373a5f4b9fa6114b606506f895'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '61d3f023cbef45b692673eea8dcb86bd'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'idempotency_key'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6223e46d15b34428a25fd4042517ddab'
                        deleted: false
                        key: {
                            document_key: 'f94a212b89194fdd8a921fb0c878c056'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '623064af9d1d4f4fbffc063634e93ad6'
                        key: {
                            document_key: 'e6b01792258c409fba0d760cfc3c8b29'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '62774d26cbf74417a4eb3c9641b35cd1'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'payload'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '62b34d02ecab470cb3c27b92b2b097bf'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                            value: 'done'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '633fe9bc598649e094e64b738f13a240'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'high_risk_roles'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '6344fb0e8915441c9cd46bae1d93d23b'
                        key: {
                            sys_ui_action: '6e184804c21c49968ebdc7633afcfc40'
                            sys_user_role: {
                                id: 'ea3220ed4395428ebf113385cdfb9019'
                                key: {
                                    name: 'x_gbg_breakglass.approver'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '637c3b2ce4e2401c94d18183e9794ae7'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'revoked_at'
                            position: '3'
                        }
                    },
                    {
                        table: 'par_dashboard_permission'
                        id: '63d42877421c4089b778f4c18561b0bc'
                        key: {
                            dashboard: 'fe59212da9f94d1dad09e1fd49e18446'
                            user: 'NULL'
                            group: 'NULL'
                            role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '64042ccd684b459d86d11407d3b03a2e'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_kind'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '64745871b2ad409fb9c674b7b2869234'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'occurred_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '65293170ec7347609e6deb3ff9678b98'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'requested_duration'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '6582460f31504534b976ce64335175c0'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'incident'
                            position: '19'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '65abaa9133ae42f7b407557e07abbe74'
                        key: {
                            sys_security_acl: '914e0abc3a0342d6be1d3fb6f23d63ef'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '65f40884dcf24e31a189fb5766765d46'
                        key: {
                            field: 'script'
                            table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a'
                            id: 'c306a5214dfa4a89a13e0310fd35afae'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '663485733d774ee9970ece1a174803c8'
                        key: {
                            sys_security_acl: '289ce7316c8347cdad49c55dff3fb55e'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6668b3f498854e2486147b642d118258'
                        key: {
                            document_key: '25467db695f94a18964957600cc3c6c6'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '66e07950e4b944278c52e647f7d32e9a'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'incident_command_group'
                            position: '23'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '67cc9e07a56e44d8a3724b1d8835a4e7'
                        key: {
                            list_id: {
                                id: 'caa647da9a064c03b5c37d9637d94154'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'incident_kind'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '68c5cf58639e4f71a7496e7548783e81'
                        key: {
                            sys_ui_action: '3d6ae635ab4c4973872661f622dbb092'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '68ec23f689b84f84afe8707d23f1f3ca'
                        key: {
                            document_key: '14e5d92abc854220a4d0288e31ea52f1'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '695f1d7084404b6fb79c685aa70594a5'
                        deleted: false
                        key: {
                            document_key: 'f3e7114de3c14fdf97c4327b7fd42406'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sc_cat_item_catalog'
                        id: '69a636a894824768b0ce303e7b22007e'
                        key: {
                            sc_cat_item: '3591b98f67b049f8864f6f96d455957c'
                            sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '69f0abd7f2844a5e92a1a6d8a2e402af'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'occurred_at'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6a49683757a947f495ea12b5c4fc7b82'
                        key: {
                            document_key: '1e7724967f97451892b384f852570235'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6a5c1c4203cc45a19c4bb46275c7a764'
                        key: {
                            document_key: '6bf1487ab3404d1b8e9e481fdbd81fcf'
                            variable: '346eea25c3b2220076173b0ac3d3ae8b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6a9eb1f29df24c63841b3c09bce0f54c'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'idempotency_key'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '6ae1914dc8e44c22abe0eea948f7506d'
                        key: {
                            sys_ui_form: {
                                id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '6b3138ccfc3d4bba8af96b35ae3a170d'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'granted_at'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: '6b4bd09f6a2648d8b95fb95ad9af4a17'
                        key: {
                            name: 'x_gbg_breakglass.proposer'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6b4c73277bb54c0ca6080e4ef81933db'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'proposed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6bba1682736c45259d9474b6a34736e9'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'blocked_groups'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6bc5d1c8f1df4e74a390b4bc276f43b7'
                        key: {
                            document_key: 'f6c6d843d8504125b57be35abd6d9042'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '6be68ec7d1f3441fae39c822d18b92f5'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'confirmed_at'
                            position: '25'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6be8b60897d645d682e3bf8d956b87bd'
                        deleted: true
                        key: {
                            sys_security_acl: 'a78fb6f948ca4143b01a3684a8020646'
                            sys_user_role: {
                                id: 'ea3220ed4395428ebf113385cdfb9019'
                                key: {
                                    name: 'x_gbg_breakglass.approver'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6bf89bcdf88c4b28a3265deb07bf59c0'
                        key: {
                            sys_security_acl: '7566769fe81b4cab9d284ed5e5b04159'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '6cdef73accfa4ebd9950a7f8361987f0'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_d9bc5f21ff6033008d3f5d9ad53bf12d'
                            id: '14e5d92abc854220a4d0288e31ea52f1'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6d3c75d6b9a844f1a8d5ad66c6e8e0c3'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'max_attempts'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '6d7295b623b644cbbe280d627a151e43'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'last_error'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6d821d9eba8b420d93302ae6de739fc4'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '6db391ead519497f9ef2073c3e9b4ef5'
                        key: {
                            list_id: {
                                id: '443232d48c7046af9419ad821f4b19db'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'result_number'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6df12fc5999e479e9a306984e7a8036d'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'max_attempts'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6e99cde715294de0bda5a6627864fa56'
                        key: {
                            sys_security_acl: '6d5bd56a87084b0fbb22b8e645b4e3d7'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_user_role_contains'
                        id: '6ed402ae6a4647b182d8f9d307d1b4cc'
                        key: {
                            role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                            contains: {
                                id: 'ea3220ed4395428ebf113385cdfb9019'
                                key: {
                                    name: 'x_gbg_breakglass.approver'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6eeb6ffd242b4a2bb2d6eacfa4b1af5f'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'error'
                        }
                    },
                    {
                        table: 'sc_cat_item_user_criteria_mtom'
                        id: '6f24a7b339844385ac332e566f3808ac'
                        key: {
                            sc_cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            user_criteria: '2d802432fef54e5c8fedcfe0634e07f0'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '6f525a915a504a86a5d4d5c0c00ca54e'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'type'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '6f83e062d63e4465bdac2a6da158ace1'
                        key: {
                            sys_security_acl: 'cc51643b9d394a768b88fc0d7daafccf'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            caption: 'Measures'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '6fe2e50bda29455c9470a036e09559b5'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'lease_until'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '70f2089a4f0040d283a889530d5911ac'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                            value: 'dead'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_user_role_contains'
                        id: '7128df7e5f6a4a488021bda6114fa8dd'
                        key: {
                            role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                            contains: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '7148382f911c457ebffb2cf879b22a51'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '71fbbe78f6f24d7dbd35a73f5fc2965f'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'result_number'
                            position: '12'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '72127618b6ca4ace99f7b37976d569cb'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7214400c8e3548b6b50a26c8666c97e4'
                        key: {
                            sys_security_acl: '3439d547e53b4c48a0387a2f3b5276ac'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '723c0085dde440e3ae384827159979bf'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'name'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '723c0b6359a14066af8d008c0981cad2'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'provider'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '727ed7e7a4554717b46c211166851f67'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'confirmed_by'
                            position: '24'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '72e5b1222f7b4bde993ea270db0213ae'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'extends_grant'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '73505cabedac4e78b7b3336d5c064bf6'
                        key: {
                            sys_ui_action: '3d6ae635ab4c4973872661f622dbb092'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '736e2e0a4c6d4152906ecaa16bbd4aae'
                        key: {
                            sys_security_acl: '31a04a58e3614d1eb304228f3d50357d'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '73aa51592798423c83ca2904871fe237'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'last_claim_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '73d84feb1051463ebec7682e2dfb306d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'evidence'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '73f2502079c44f12bc250d6290681853'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'idempotency_key'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '746ee4bad0cb47229a13573b4a4b732f'
                        key: {
                            document_key: '43dde28a41f946b284ca3447d5cab106'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '750eb098fedb49098cc4c8ec09c663b0'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '7581d22a92794423af97b13962b15eea'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_d9bc5f21ff6033008d3f5d9ad53bf12d'
                            id: 'e6b01792258c409fba0d760cfc3c8b29'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '7585b4a6394a470885bf089b3f7412de'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'approval_summary'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '7617de573feb453aa8078343c5be4044'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'type'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '761bf92a41a2413b8c4c09bf7fcd7da3'
                        key: {
                            document_key: '1e7724967f97451892b384f852570235'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '764996dbe827489c99a4e7763ee8585c'
                        key: {
                            document_key: 'b44561c63ccd4c31bac71f76ad3fe69c'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '765bd0a8fd4b48ee8ab636e146ac97d3'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'blocked_users'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '767446a5953142d1ae7c278c9587cf03'
                        key: {
                            sys_security_acl: 'e73411c856344d1db0523d583ec0d8bf'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '776f72373a5f4b9fa6114b606506f895'
                        key: {
                            cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            variable_set: 'NULL'
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '77966fb809dc481c94cbd1296d9de229'
                        key: {
                            document_key: '675192be14e6476c9c2befbd53da743c'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '77de5e9ef9b0405c85f669d987126985'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'emergency_approval_timeout_minutes'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '77f841457efa40e586650aa7f549d302'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7892c7ada15c448bb975da3b98e9dd56'
                        key: {
                            sys_security_acl: '12cbc919c0fb4514805f3008b94d7609'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '78ec749b260f46569b709e69bec5b544'
                        key: {
                            document_key: '1e67f3e458a04ee58ab9a3362b82de07'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '793b8e94725244fcb404a2711c058baf'
                        key: {
                            sys_security_acl: 'b595b673cce949548ba31b45e9f50f1a'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '795ec095e0f14c7a92a6f625035a3da2'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'confirmed_at'
                            position: '28'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '796b33e957504773aa8462fd925e70b9'
                        key: {
                            document_key: '25467db695f94a18964957600cc3c6c6'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '797b248be6704d8aa2d1f5d308ea2097'
                        key: {
                            sys_security_acl: '2acfb39278a64daab4a54b61c691e337'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '79acc091ebd347269a6facc59cf517fc'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'change_request'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '79be1da2353c47e18e44263df7dd3582'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'second_approver_group'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7a2649f862b14764a6763876ca492ad8'
                        key: {
                            document_key: '87352ce531dc4807b56f60f97bec076e'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '7a2d40f7007a4a27a9ef5d6d9cd34e12'
                        key: {
                            list_id: {
                                id: '062ddf64e5474297b767debcaca9ce43'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'version'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '7a33d676c1574d7bb78036b305f203ee'
                        key: {
                            sys_ui_action: 'd56299b737a547f0a6d79de120daded3'
                            sys_user_role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7aa22291821a4120a27a1d5c3120b9eb'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'auto_approved'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '7aaee5c8dd52417193b469e93f42c60f'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'number'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7ad9afdb40ae46f78bbee20f8da44def'
                        key: {
                            document_key: 'b73449dab5074ace8ce514acc9589e51'
                            variable: '6aad5a575360220002c6435723dc34b0'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7b002b3e5433414bb20e2889c4909876'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'completed_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7b6a835e0d6c4859a31189bcf647c3c1'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoke_lateness_seconds'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '7bc82b541adc4571bea1194cf6262eb8'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '17'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7bf379d2e3df4769803c49c2dc900aa8'
                        key: {
                            sys_security_acl: '64f9a129cddc4c4184f95b5a61dd2e9e'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7c10e94c670f45ce812fdcbc65ef5016'
                        key: {
                            sys_security_acl: 'e73411c856344d1db0523d583ec0d8bf'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '7c55cf88ed15475e805ca8ad10d05ef3'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'text'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7c5f65888eeb4506ace1d9664806726a'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_stage'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7d188923b0484222a047079572aba4a6'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'incident_kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '7d470ce813e1419ab7af71a127423ed0'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'expires_at'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7ddf9304532d42d18d103563e549787a'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7de304ac85e147aa9273016dbc686ac1'
                        key: {
                            sys_security_acl: '2acfb39278a64daab4a54b61c691e337'
                            sys_user_role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7e3c56bdaf9944d3bad3bbfcfc795d94'
                        key: {
                            document_key: 'ab02ad4c10424b73a4988aedef538e9d'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '7e98ecc543c24baf852b465dd3b8f884'
                        key: {
                            sys_ui_action: '159931f7035644c4a50f79ae5809f03c'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '7ee3b4ae91724254bdd0bc852eaa628e'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            caption: 'Audit trail'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7f21e35e0e2d4371a17c6a6547a86a57'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'halted'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '7f4b4bef39e2405384661b550ccfa06e'
                        key: {
                            document_key: '1e7724967f97451892b384f852570235'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '7f9c64ff91064cdfaa0ff4bbdc6358e5'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'priority'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '80124481ce1a43c7959ddea5698e5dfe'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'watchdog_incident'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8031f17bca0c41938496772a85e96cff'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '80a469baea4047c1b2f380b93a893114'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            caption: 'Break-glass ticket update'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '80b7087d2c9a470983e82b5a23637d66'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'evidence'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '81681e8831fd45f8a10beea1fa98917b'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'requested_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '817564a7edbf4247bd28f2b14645a528'
                        key: {
                            document_key: '14e5d92abc854220a4d0288e31ea52f1'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '818263faacd84840b710083388b60ed3'
                        key: {
                            sys_ui_action: '9d2b58d759be475f96abd61494ff984e'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '81ab0847f7334d4fb1d9e9740cfb3ba8'
                        key: {
                            document_key: '0416ee7caade42269c2f3612bdc4e8f9'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '8282f4b12b4f41ef93d6137d5c5ffb7e'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'priority'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '830f76003bbe48be990441ce7960dffe'
                        key: {
                            document_key: '1e67f3e458a04ee58ab9a3362b82de07'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '83325221062e473487765409ba09ef1b'
                        key: {
                            document_key: '14e5d92abc854220a4d0288e31ea52f1'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '835e24ea8354494aa0192a7ea8b866c9'
                        key: {
                            list_id: {
                                id: 'caa647da9a064c03b5c37d9637d94154'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '83994924f3b148d2b0852d2f7841d02b'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'prev_hash'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '83abfdd8485049f1886d68b463e23dbd'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                            value: 'entra_group'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '83ede1e50d764980aad296841975a387'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'requested_for'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8400e70a31ed41c6ab37a6b008528702'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'edited_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: '84615253dd4942c99cc4f592d487b926'
                        key: {
                            logical_table_name: 'x_gbg_breakglass_action'
                            col_name_string: 'state,not_before,priority'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '84896df174234f8a9bd2da8f1e7ad4a1'
                        key: {
                            document_key: '9efcd5068b2f402d919536c2046dd286'
                            variable: 'cbddfa135320220002c6435723dc3415'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '84b0ce1368ab49e599eb3e99c10f09f2'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            caption: 'Access'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '84c1b33a234143a393d9f0129270f69e'
                        key: {
                            document_key: 'e6b01792258c409fba0d760cfc3c8b29'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '84d826015ae3487fa2bf44133712a575'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'content_type'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '84fbe4bf49104d8c843464e71edf8c6e'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'requested_for'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '85bee85a5d2c4a7babecda0cb9f007a9'
                        key: {
                            document_key: '0156305ab53042c89a9942f08bf156f7'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '86061eda6315438d9e694b889718b5eb'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'incident_command_group'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '866789b39b0c447aa9b576d9a383da50'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'incident'
                            position: '20'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '867c6de846184097b38b0c9e5dc55e1a'
                        key: {
                            list_id: {
                                id: '8a931ee49e044aa49f3b5a35038cd551'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'event_type'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '867d2ec2bea240cb9745bcfdfebb8045'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'confirmed_digest'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8701e89d9c0d46bf9b9fce3d81c8ee29'
                        key: {
                            document_key: 'b73449dab5074ace8ce514acc9589e51'
                            variable: '52ed1e5b5360220002c6435723dc3421'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '87709da761ad4599b7a24e87c3973065'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'grant_failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '87a84d0bd229452d9477604e5e6b63c9'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'last_error'
                            position: '13'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '87e80abe21c147a591e522ed919f3d60'
                        key: {
                            list_id: {
                                id: '062ddf64e5474297b767debcaca9ce43'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8858323a36a3484f902f38387e2af376'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '889f92459d744ed98328521f63b85d51'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'order'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '88b41f7b95e04c58a248b62a5ce5e86b'
                        key: {
                            sys_security_acl: '2ace5f04fc9f4e4e919ae639f359e947'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '8904f4516e5d4c15908966451f22e84d'
                        key: {
                            field: 'user'
                            table: 'var__m_atf_input_variable_071ee5b253331200040729cac2dc348d'
                            id: '2dd1027cea8f4728a4778b89e1faff46'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8920cb4f69174e6c8fe1646f287077f2'
                        key: {
                            document_key: '3ef28d6c672b4f75b1d5996300a17ef2'
                            variable: '53fb0f535320220002c6435723dc34ec'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '89607d540d7649a3a24729f0c81d6619'
                        key: {
                            document_key: '9687c533efed499ebbc14432be57a5ff'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8993bdaee3704f9ba3ca982a2c52bc69'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'cancelled'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '89c5f4d5282d49718bf0d2e71c83debf'
                        key: {
                            document_key: '79d2157240604f5db1e7d8c86942c24f'
                            variable: '17513cb2c310320076173b0ac3d3ae64'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8a090e9138b640838838981a83637a65'
                        key: {
                            document_key: 'a8563365ff35467d9d9c370fbb74e896'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '8a931ee49e044aa49f3b5a35038cd551'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8aa7e7503adf433abe238a204fc3dbfa'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_requested_at'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: '8abd0c45b01a4ffcb0d2bdf18de15a97'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'scope_billing_admin'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8abdebdedb694893ac408aef1bb3bdb0'
                        key: {
                            sys_security_acl: '289ce7316c8347cdad49c55dff3fb55e'
                            sys_user_role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '8b249de9ede94f2b87f482ce3aff03eb'
                        key: {
                            sys_ui_action: 'f71edefde9cd441d99a501363e4a9256'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '8b5e7061cf78403ebbe8b4645c8e0a94'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_14872288df60220062fe6c7a4df26319'
                            id: 'fc63f373127f480dba23ca09251301c0'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8b84da634fd44b59a2c7f97caba97385'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'lease_until'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            caption: 'Break-glass policy'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8b974c315dc741c188596e3deb90ff90'
                        key: {
                            document_key: '0156305ab53042c89a9942f08bf156f7'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8b9f442a9ed04574966210711a30353b'
                        key: {
                            sys_security_acl: 'a437aa7d0d0847338f8b3d9a11e31fef'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8ba1090453a54a9bb2cd0ebf750dc012'
                        key: {
                            document_key: '7a63002a99134a25bda3f6a66bb6ee29'
                            variable: 'b0d64ce1c332220076173b0ac3d3ae95'
                        }
                    },
                    {
                        table: 'par_dashboard_visibility'
                        id: '8be5b679c47b480ebd8b953a484313a8'
                        key: {
                            dashboard: 'fe59212da9f94d1dad09e1fd49e18446'
                            experience: '08c73d60537101100834ddeeff7b1287'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '8c3172d0eca647ae9a05d99b4b750b18'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'max_duration'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '8c4f4dff21bd4006900394f44a100f20'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'allowed_device_classes'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '8c568dc2d1ba45f08925d4478a5320ea'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'action'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '8c7152ee3ac6493381e14efbb091d0a3'
                        key: {
                            sys_ui_action: '6e184804c21c49968ebdc7633afcfc40'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '8cb22caceb0a46069754485f84d70683'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'second_approver_group'
                            position: '17'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '8cd57bc01f91485a987ee724630f8d96'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '8d68a3529cd142cd9c3ed730833c8e76'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'error'
                            position: '13'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '8d98b04c69f94de19f91182f86c4023f'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'content_type'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8e412f2179ae430ca916d0fa1b6018fb'
                        key: {
                            sys_security_acl: '994a47eb2ccf4ca5aa96cb933537e342'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '8e51433098c14a0db99cca31eb5285d9'
                        key: {
                            sys_ui_action: 'f5013e19aa34455689b60f0fff3aa106'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8e9b5a17d572492f873479d60fdb39a8'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'event_type'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8ea97d581f834413b0d3f6c31e239bc4'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_role_name'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8ecdab736fa44a4baece7fb70c4309b9'
                        key: {
                            sys_security_acl: 'b595b673cce949548ba31b45e9f50f1a'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8ef1ef57560f4c09b7f02d0844c3c905'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_role_id'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8ef66a7d88724d638edf8f62d79dacc3'
                        key: {
                            sys_security_acl: 'd4bab2d7a25b4ed39f87e9662f162ef1'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8f222dda593748ed80c96a8ba11f68f3'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'text'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8f2ef317357646ee815e129caee5f38f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_tenant_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8f47046b885649fabd5977420b419a37'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_scope'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: '8fd30381a122484aa863c0cd11a294e8'
                        key: {
                            question: {
                                id: 'a3f0cd17e8034f5f96d05981922ce4f3'
                                key: {
                                    cat_item: '3591b98f67b049f8864f6f96d455957c'
                                    variable_set: 'NULL'
                                    name: 'duration_minutes'
                                }
                            }
                            value: '15'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '90461070b5874fbbb353986d12daa911'
                        key: {
                            field: 'user'
                            table: 'var__m_atf_input_variable_071ee5b253331200040729cac2dc348d'
                            id: 'a2b93666437f48e1a529dce3d85f2540'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '904a57af1da74a8889765f063779f12f'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                            value: 'device_local_admin'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '906d972d3bbd4ee3a991923ec9c96a0b'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'blocked_groups'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '908de495d5c245cfb95c40c419733999'
                        key: {
                            document_key: '87352ce531dc4807b56f60f97bec076e'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '90a2cd327f73441d845747015c9c1618'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'result'
                            position: '14'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '90d37342fda84f55800ae167b81609d8'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '90f3f495cb224cd5835bb98b204d98a4'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'd297301164274f22873abec022b234a9'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '90f91029b04c4c90ba983110268040cb'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'state'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '910c1137e2fe4cda803d3d465a35ddce'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'not_before'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '917738f8150c4c14b2715724035151fd'
                        key: {
                            sys_ui_section: {
                                id: 'a4d58f9e3a7c42fe947981968f236bd0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Revoke evidence'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'e2631960a5f04d0390f94430303a32be'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '920e74912d28429db6db3d39050cb5d3'
                        key: {
                            sys_security_acl: 'beb105b748934a13bb98d00631a1130f'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '921c5b62b4d9480da751b27cbe9f47ea'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9227bc37f0984d8982004f06ffcb89b4'
                        deleted: false
                        key: {
                            document_key: '87cdf23f66504783ad436bb58e0e9980'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '9243e3cfc79a46238369ff168cd13204'
                        key: {
                            sys_ui_section: {
                                id: '36c530fa19874d06b62af8df4828b023'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    caption: 'Break-glass executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'version'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '92628b303ee249d98821ecbb9ba38122'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                            value: 'console'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '92c8552a3032411e9f2d013a765b04d3'
                        key: {
                            sys_security_acl: '6801e16ac4be4199a9b2dd3eb299f857'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: '92fe354cf8344cd898fbff31fbb93685'
                        key: {
                            sys_ui_form: {
                                id: 'c85a4adb03ec444f8dad7f481d1db5e8'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9335e16249b345b4ab10ec4caf5fbdbe'
                        key: {
                            document_key: '43dde28a41f946b284ca3447d5cab106'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '934a7ba0f86b4fd1a042f43c89b4558f'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_role_id'
                            position: '14'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '938025d4050d462cbda9adacf13b9a13'
                        key: {
                            sys_security_acl: '2d100ce873be4a02b18132c5b8188a3c'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '93b9f82c41a8478b96a4c9dcc7aca8c7'
                        key: {
                            list_id: {
                                id: '443232d48c7046af9419ad821f4b19db'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'incident_kind'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9469830fc10943ed8babc1e687167b92'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'revoked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '94ec621b3c8c4f46b59475138b7fac21'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_summary'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9500e711ae3d44be82c5a161ca4ba47f'
                        key: {
                            document_key: 'f6c6d843d8504125b57be35abd6d9042'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '952a136189b04042909a65e6877ed800'
                        key: {
                            document_key: '6bf1487ab3404d1b8e9e481fdbd81fcf'
                            variable: '571e6a25c3b2220076173b0ac3d3ae46'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '95ed951d3cdb492193ea7e81ff183c81'
                        key: {
                            document_key: 'd477c4da4bcf464488bf356a4183bc13'
                            variable: '6e55da4e53a0220002c6435723dc34a0'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '965be3cd4b474c0c9b7ab0cd4ebf4cbe'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'change_request'
                            position: '20'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: '967210f5ed9247759313bad544e74f9b'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '96732ed5f8a64871b9dbca4344573f6f'
                        key: {
                            list_id: {
                                id: '8a931ee49e044aa49f3b5a35038cd551'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'actor'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '97399ad520a54a15bed63b10dd6ee7bc'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
                            value: 'verify'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '973a5f6984d14e2eb00332019dbc73c5'
                        key: {
                            sys_ui_section: {
                                id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Measures'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '98135d4945474d4b89fed0542ede1eab'
                        key: {
                            sys_security_acl: 'ed2a9d1ba76e4debb575b322d79744c6'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9847a77e4d8e4f7db289c1b957efbe50'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                            value: 'claimed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '985345f7225f4e8aa38a0f629af6a0ff'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'incident'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '991f536aba0b4285a8fa2b8739fc7945'
                        key: {
                            sys_ui_section: {
                                id: '39dbf7ac5ae849a38e0d9c3a09585435'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Plan'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'plan_digest'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '9944280fa5b348659c2d866d6063fa49'
                        key: {
                            sys_ui_section: {
                                id: '39dbf7ac5ae849a38e0d9c3a09585435'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Plan'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'plan'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '99dd835b6fa641018211b02079ae6742'
                        key: {
                            document_key: '39ed0a5691d44a7a8782b987852e51bc'
                            variable: '586e2c4253e0220002c6435723dc3415'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '99e56e62378545a39c55806b7594641d'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                        }
                    },
                    {
                        table: 'par_dashboard_canvas'
                        id: '9a038143f7d44708b6cc648926aa4cb6'
                        key: {
                            dashboard: 'e51d514ce6464520aa47471de36a287b'
                            dashboard_tab: 'a7ead7e52fc24881948004ac3cc1da59'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            caption: 'Request'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9a54394d354842c3ab5a7d650f4a4771'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'grant'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '9acfb3c670364900b9ca8915159e3cc3'
                        key: {
                            sys_ui_section: {
                                id: '39dbf7ac5ae849a38e0d9c3a09585435'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Plan'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'bdb55a646f244e29a0a44dc3eb3f2d00'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9b20a9190dca486ca7021d4b805ddb6a'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'escalation_group'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '9b2ee22090c942dc9adb22529b6fd996'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '9b4f57c972f64b60a233409f2d64d8c7'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9b66fcb735bc4c0ab2435fa839ce558b'
                        key: {
                            list_id: {
                                id: 'caa647da9a064c03b5c37d9637d94154'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'error'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9bc5abecd59d4bb0a8913a8feccf1c31'
                        key: {
                            document_key: 'a8563365ff35467d9d9c370fbb74e896'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'par_dashboard_visibility'
                        id: '9bd53da9d2254b898f83f21476ee4ac6'
                        key: {
                            dashboard: 'e51d514ce6464520aa47471de36a287b'
                            experience: '08c73d60537101100834ddeeff7b1287'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9c64c422fa87455c8768d1ba436a401d'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'approved_at'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_number'
                        id: '9ca2d6c52b694c5da1e14c9a10782ba3'
                        key: {
                            category: 'x_gbg_breakglass_action'
                            prefix: 'BGQ'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9cbb47236d144ee2baa032a3545c9a09'
                        key: {
                            document_key: '43dde28a41f946b284ca3447d5cab106'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9ce17b3fbf2e406aaf60d9aca6aa2e88'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'emergency'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9d939974179048bca6521f24a8b44af0'
                        key: {
                            list_id: {
                                id: '387414dbf6004a30a692ee11b44817ba'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'occurred_at'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9dc3b4e756394361bd89f2f19a651822'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'content'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '9e17dc0188504ad78de00d0967148b87'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                            value: 'entra-group'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '9e207958c51641a49bf63446e76bbd36'
                        key: {
                            field: 'record_id'
                            table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d'
                            id: 'a9d0a1d68baa475eb6ec27b79b034a74'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: '9e45497c09b5447889421a61fbddd66d'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '9e4976b4421f4da1b4029c2e2577fdc6'
                        key: {
                            sys_security_acl: 'd4bab2d7a25b4ed39f87e9662f162ef1'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '9e6826bf407642e7b61ecc19626484d6'
                        key: {
                            sys_security_acl: 'ff9d2c16c3574b64b9cf1d83c0e25e01'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: '9e996ed75a83453c9b3fd2b4d1ed54e6'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'order'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9ed9db838c1e49bd87db8eed4517a634'
                        key: {
                            document_key: 'd477c4da4bcf464488bf356a4183bc13'
                            variable: 'c2eb56e853422110248dddeeff7b1261'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9f49a248b7cc4c7cb79ba0ff51ac3a89'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: '9fccd13d2f1a45d6a00ab01a81495d66'
                        key: {
                            list_id: {
                                id: '387414dbf6004a30a692ee11b44817ba'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'actor'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a091366e578243c596b8bf65d14c0b7f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoked_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a0a6de10e7624c4ebbba237019961cca'
                        key: {
                            sys_security_acl: '4133a7ebba1740d88fc372a0f3cc9d9d'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                        key: {
                            name: 'x_gbg_breakglass.requester'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a0e7867b6854497786c8651d339382fe'
                        key: {
                            document_key: '675192be14e6476c9c2befbd53da743c'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'a160333641a549ceb71bdfa73f3413e7'
                        key: {
                            sys_ui_action: '204b6b604c6a439c866d96bed6812d52'
                            sys_user_role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a1d582f1a8ce4705ad9134f5b9932466'
                        key: {
                            document_key: '0416ee7caade42269c2f3612bdc4e8f9'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a1e4382a197b4c81ad01a9c457640a67'
                        key: {
                            document_key: 'cea9122c1d1d41aaa280ca875b8be191'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'a22607ce30a542b7ba616f292a750cd5'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'number'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a2c6187afc3342e09617b8e116695ec2'
                        key: {
                            document_key: '9efcd5068b2f402d919536c2046dd286'
                            variable: '6aad5a575360220002c6435723dc34b0'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'a2dbc9d75cd743cc827ff3b4cace2ef3'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'file_name'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a2fa1d1022e84d679db0d8b6d8b4da80'
                        key: {
                            document_key: '87352ce531dc4807b56f60f97bec076e'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a32293709444489c82c069f5b2df5185'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'last_error'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a355f8bd194c42539dc5f62cd4749d46'
                        key: {
                            sys_security_acl: 'e807961c8b2d4a439da5cf7a502c5dee'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a3b96dc5974546ea81192e27ef37196a'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approved_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'a3f0cd17e8034f5f96d05981922ce4f3'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'duration_minutes'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a3f79690f2194e44acfece0eef6e33bf'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_ci'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a40c3c8c97fc4019b60c86f112a0828c'
                        key: {
                            sys_security_acl: 'dd0e2a8bcfa64270a831385789716a14'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a41417282cb84cbd956af2a1e763bc1a'
                        key: {
                            sys_security_acl: '7ff9c758fa3e400783f7cca97810cea5'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a42e54cfe4534720a6a8b08100e65b70'
                        key: {
                            document_key: '0416ee7caade42269c2f3612bdc4e8f9'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a4343258d4a34c6289f7ad164ab2909c'
                        key: {
                            document_key: '35708fbe53e74637af4d03b40f6f4567'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'a4ac907fe7514fb38ecb5451b7616fb6'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'lease_owner'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: 'a4d58f9e3a7c42fe947981968f236bd0'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            caption: 'Revoke evidence'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a4fb469111244801bbf18b96673ce9b4'
                        key: {
                            sys_security_acl: '86c85a465bad42a584152044beb7dcd7'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'a502fa95fc4e40faa8d5f0c8f972c832'
                        key: {
                            sys_ui_action: 'ce6ed9f8003e415982580871e2f6f88b'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a5111bd2c2a744d6836f2c4a52c4e6d2'
                        key: {
                            document_key: 'b3e9e4d6ecf44b648310cc9812ea98da'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a519ddcf38774e26ae2adbdce3d7c712'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'text'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a5476ed0c206462ba51c7119db80309e'
                        key: {
                            document_key: '43dde28a41f946b284ca3447d5cab106'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a5607c2829cf4aaeb413678e66c92358'
                        key: {
                            document_key: '4c43648c4bbc4358a1d8961d41fbcc56'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a5ad669586b942888efb4ee75ee80251'
                        key: {
                            sys_security_acl: '5a493b5750b54a4eaace3346d205e284'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a5d652f2c8b845a98a13568d0bcbf15f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                            value: 'entra-role'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'a5dbd9f233924636992bc603f2b62748'
                        key: {
                            cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            variable_set: 'NULL'
                            name: 'justification'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'a6052a2c8f7546119604c85ed8413d22'
                        key: {
                            sys_ui_action: '288a8c2d9a8a46d0a4b306148c794879'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'a6c3b530308b48789cd6c725b1d71fe1'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'confirmed_digest'
                            position: '29'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a6fe9da88c8e4c8595571514e2659ddd'
                        key: {
                            document_key: '5a53d2356b5f4452ae87e29b5e2a655c'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a700c6ee16ff4199a8842df514745744'
                        deleted: true
                        key: {
                            sys_security_acl: '26ad5887379b4264a0e7fb2494f29340'
                            sys_user_role: {
                                id: 'ea3220ed4395428ebf113385cdfb9019'
                                key: {
                                    name: 'x_gbg_breakglass.approver'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a754a2c574bd4c429bca1c576b0d9bd9'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'change_required_for_production'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a757d7425d254b16806135e1a6d1ebea'
                        key: {
                            sys_security_acl: 'a7ba1b0a88a44650a4ab22fc6f254d4a'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a7872a86600f497daebe060f0d0ea53e'
                        key: {
                            sys_security_acl: '1ef02bd8edf04f8a9b325f86cd22bb76'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'par_dashboard_permission'
                        id: 'a78731e7a14347bb8ca1b4d47ff7e6e4'
                        key: {
                            dashboard: 'e51d514ce6464520aa47471de36a287b'
                            user: 'NULL'
                            group: 'NULL'
                            role: {
                                id: 'c79390b875864645aede368499b11f7d'
                                key: {
                                    name: 'x_gbg_breakglass.agent'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'a81cf73da2db41eabbdf64973d9ecfc6'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'kind'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a863d7e0a3ba42d2a1551305afd4d97c'
                        key: {
                            document_key: '25467db695f94a18964957600cc3c6c6'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'a8ad80d9579b41b8bd94dd02702adfc4'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'action'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a9055aeefffd402a91f7dd5531fd237d'
                        key: {
                            document_key: 'e6b01792258c409fba0d760cfc3c8b29'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a94940af5ec14d4384e776fde239530e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'emergency_max_duration'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'a95a95a2add2484382dfa0679f236410'
                        key: {
                            sys_ui_section: {
                                id: '7ee3b4ae91724254bdd0bc852eaa628e'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Audit trail'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '12M.x_gbg_breakglass_grant.x_gbg_breakglass_ticket_update.grant'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a96f85be2a07410b81b19952f47bf061'
                        key: {
                            document_key: 'b73449dab5074ace8ce514acc9589e51'
                            variable: 'ff6e125353a0220002c6435723dc3442'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a982a958a66342eabe2f03af8230069f'
                        key: {
                            document_key: '43dde28a41f946b284ca3447d5cab106'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a9b946bcbbcc46f68deb055503cdaea4'
                        key: {
                            sys_security_acl: '586703b2ace84d668e3482a300c60415'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'a9d5a38ab3bc4308855a5c84e9579b89'
                        key: {
                            sys_security_acl: 'c508f329ccb74ff5abfb7e03f9b74c7c'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'aa7ba1472a1446c8b91bce0fbea863df'
                        key: {
                            document_key: 'e6b01792258c409fba0d760cfc3c8b29'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'aa829a01de7d43b2bd71b7431fde4828'
                        key: {
                            document_key: '5afcba965eb44b1fac70380617c106af'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'aa95326ee19c4f279c3e4cfff1296220'
                        key: {
                            sys_security_acl: '289ce7316c8347cdad49c55dff3fb55e'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'aaa604e7cf574f7bbe853dd648904dc7'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'blocked_groups'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'aaa8d70d04424b9fbdb528308b3e678d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'expiry_warned'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ab013d04ed20479fb2b3af3f3526b4de'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'min_duration'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'ab1709b9ba544e9cbbb51afed77c4e3a'
                        key: {
                            field: 'record_id'
                            table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d'
                            id: '9efcd5068b2f402d919536c2046dd286'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'abdda07026044aa8a751ba956c9a4d42'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'security_group'
                            position: '24'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'abf97d06668f43739692d49bab0bee54'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'short_description'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ac36f726e60746a5a65e3ba50ae59593'
                        key: {
                            document_key: '60f28e4798d34e96a7e54ca1ddcb0b43'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sc_cat_item_category'
                        id: 'ac41fdcf5205456e970d9f4cb1eadd2a'
                        key: {
                            sc_cat_item: '3591b98f67b049f8864f6f96d455957c'
                            sc_category: '2970373f6bbf45758e7825e77a62a30e'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ac4471b718334668838e1c2e2dccdda5'
                        key: {
                            document_key: 'a85df6ef61df4efc8708404f827fbb6a'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ac8e9ad2fcb942aeaeb4389e3884a208'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'last_poll_at'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'acfd83341fa744468999f51c51cbd88e'
                        key: {
                            document_key: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ad154841a6ff4bd3803092420a85e112'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                            value: 'console'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ae0cf4cc96e84c47a33be4b3da7bc7b4'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan_text'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ae18ed0d9b9a407b8ab8a11e9e83244d'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                            value: 'any'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ae702e5c3f4f47b08255b84b8fe2157e'
                        key: {
                            sys_security_acl: '31a04a58e3614d1eb304228f3d50357d'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'aea695cea84243b198afa4ecb6616c62'
                        key: {
                            document_key: '5a2a8ac6b24845c2bed195c858a5826b'
                            variable: '346eea25c3b2220076173b0ac3d3ae8b'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'aea91331c8444a838ec66b6cfbcb80f5'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'aec2d00017b8484b9e96becbeaafdc73'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoke_lateness_seconds'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'af9420f3dca34b9381e1d4e74e0cb912'
                        key: {
                            document_key: '4c43648c4bbc4358a1d8961d41fbcc56'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'afb5a9695717488bb8417d690ed30597'
                        key: {
                            sys_security_acl: '12cbc919c0fb4514805f3008b94d7609'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b00ff99cf8964ee895d01d7acc69d1a8'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'type'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b02579c039594d5db58271a7c33c6c14'
                        key: {
                            document_key: '9687c533efed499ebbc14432be57a5ff'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b0778cce002d42e8aa9e19588d49785c'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'incident_command_group'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b0e018a097084835ab155d2c1786b1fc'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'b1434e2801bd4f2b9fe7d62998fec5df'
                        key: {
                            cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            variable_set: 'NULL'
                            name: 'justification'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b15b189e6a3242ac8789fe931075d880'
                        key: {
                            sys_security_acl: '1ef02bd8edf04f8a9b325f86cd22bb76'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'b15dd9668f6743608400aa8c070ca099'
                        key: {
                            name: 'x_gbg_breakglass.secops'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b1d8d1f90b0249caa8fde5b4e2495575'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'reason'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b20e7b6648c54cfab1d5dd1fbd124302'
                        key: {
                            sys_security_acl: 'dd0e2a8bcfa64270a831385789716a14'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'b2191a4af1944a6faac86271be7f528a'
                        key: {
                            sys_ui_form: {
                                id: '9e45497c09b5447889421a61fbddd66d'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b2563611538944d8ba952040ad880026'
                        key: {
                            sys_security_acl: 'd4a7944f6a34424b973eec54d424ef36'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'b26e7c114c9c48b083c3db7baf0da2e3'
                        key: {
                            cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            variable_set: 'NULL'
                            name: 'emergency'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b29b281125954fa3bd5b7297554b344d'
                        key: {
                            document_key: 'e6b01792258c409fba0d760cfc3c8b29'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b2e2f591d80c41d5ae90fa3dbc105597'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b2f0ffb7db0d4b988e93a2a658f0139b'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b391a0c0c26143e7ac3c74af6e5c8afe'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_tenant_name'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b3bcc6320da04384b143535101318467'
                        key: {
                            sys_security_acl: '48f9166fb4c1454db2a2423caf94fb7a'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b3decf9eb98747eda59eb549afb36f72'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_tenant_id'
                            position: '17'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b3ffa14f6a2740b0add3df63082e14b7'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'ritm'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b47a30d44ec647929685144a8257e39b'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'incident'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b47acbcc51b544aba4528964be725dcd'
                        key: {
                            sys_security_acl: 'ed2a9d1ba76e4debb575b322d79744c6'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b4b99e17f5474548b62a30becb2bd942'
                        key: {
                            document_key: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b4fe769084d14dc18d5d0a14d683f34d'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'business_hours'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b573521511ad407eba07cc57475e032f'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b5cf0b65ba2849b09a7e1a0c544037ee'
                        key: {
                            sys_security_acl: '112e373f20d047ec987f157056db20f1'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b62e26638fa74f2aaa4f09b2f8754f59'
                        key: {
                            document_key: '9687c533efed499ebbc14432be57a5ff'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b6698a89d7e241c088e3318bc6291dd2'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                            value: 'webhook'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b6934c05470e4b4c884f787ebe3791e2'
                        key: {
                            document_key: '4fe4a3b5f8a04632a7bbca816a0b6b83'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b6b956c930db4ff8b9e296b91eb9fc15'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'allowed_roles'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b6d4d5e6f85a417981d7bc5fab5cc9cd'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'escalation_group'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b6d9b49e1b5649c9926a4035735b0dfe'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'confirmed_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'b6e1fe36dd3b4795bc09f26aca7ed2f8'
                        key: {
                            field: 'record_id'
                            table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d'
                            id: '9cc4c9736c134c9c9eafbd3f8c5031a8'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'b79b42fee0a04265acd5f0dcb9304d1b'
                        key: {
                            list_id: {
                                id: '062ddf64e5474297b767debcaca9ce43'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'host'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b7a2c75eb5ba44af8670e6651b45b6d2'
                        key: {
                            sys_security_acl: 'beb105b748934a13bb98d00631a1130f'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'b7be11e52e2f43da89b9c8a6b4a6f72f'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'change_required_for_servers'
                            language: 'en'
                        }
                    },
                    {
                        table: 'par_dashboard_permission'
                        id: 'b81438d1b832475bb015444a6b66cd29'
                        key: {
                            dashboard: 'fe59212da9f94d1dad09e1fd49e18446'
                            user: 'NULL'
                            group: 'NULL'
                            role: {
                                id: '2672a06334f749589480f6bc1df77dd4'
                                key: {
                                    name: 'x_gbg_breakglass.auditor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b81c280916954cce895e459415556206'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'number'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b84bb28dbe3a410cab85c01ee2b62981'
                        key: {
                            sys_security_acl: '3289dd7ab61e4a76bff9d079aff899be'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sc_cat_item_category'
                        id: 'b8858a41ca054688a42ec56c3ad3416e'
                        key: {
                            sc_cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            sc_category: '2970373f6bbf45758e7825e77a62a30e'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'b8c0e7efdf8d4fa88529b331a99205c6'
                        key: {
                            cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            variable_set: 'NULL'
                            name: 'incident'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b8e0bd6d61e54c0382f4c47aa5c9d47a'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'b934e9b10fde4427ac8a008781bcf0cc'
                        key: {
                            sys_ui_section: {
                                id: '7ee3b4ae91724254bdd0bc852eaa628e'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Audit trail'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '12M.x_gbg_breakglass_grant.x_gbg_breakglass_audit_event.grant'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b98f632582584ab5a59477c97f3a9339'
                        key: {
                            sys_security_acl: 'fd6f60dd7648444da7f0cb5fb97eaa8d'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ba2dcacebbd244dc932ad4b2bc7ca646'
                        key: {
                            sys_security_acl: '84f7db885a2f419c877e0a75786ba6ce'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'baa7df1a3e38428cb3348089cff98548'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                            value: 'device_local_admin'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'babc15426b914e13bb870eff558a5ec2'
                        key: {
                            document_key: '9687c533efed499ebbc14432be57a5ff'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'bb35826e8afa403f88c89d90080db9bb'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'revoke_lateness_seconds'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'bb3bd6a689e249ebb6b2cd7d3b4082fc'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'priority'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bb46f59198fb42c4ae6c42689ad14ac0'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'extends_grant'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bbbcbc1b19974a139ba36dde34788fb7'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_tenant_id'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'bbe924ff45af483e95fd5c085f70769b'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'corp_managed_only'
                            position: '8'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bc19a0a9c2be4700a17fa29181caa0da'
                        key: {
                            document_key: '14e5d92abc854220a4d0288e31ea52f1'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bc28aa74e57648639b95656c899b09a5'
                        deleted: false
                        key: {
                            document_key: 'f94a212b89194fdd8a921fb0c878c056'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bce1cbcbfb0a4ba9807787ed1d081925'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'granted_at'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'bd3b264288b248ba8a6ab19d6fcf36ae'
                        key: {
                            logical_table_name: 'x_gbg_breakglass_action'
                            col_name_string: 'grant'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bd420cf4a6164738a36cccabb7af1683'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'refusal_code'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'bd4d0c2036c745d8bd3bf1ac96f7c8e1'
                        key: {
                            sys_ui_form: {
                                id: '967210f5ed9247759313bad544e74f9b'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '36c530fa19874d06b62af8df4828b023'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    caption: 'Break-glass executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bd76b2d8be50440faf0e0f94951f7f2b'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_summary'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'bdae13c037f24c0d8d2c4780a9a9650c'
                        key: {
                            sys_security_acl: '40c40bc01eed4835bcbe157b10b8c4cb'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bdb71d6c35b74c4fa1f32cc01d70e51f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoke_reason'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'be2ee0de918b472989ccf7c9889e13d5'
                        key: {
                            document_key: '4c43648c4bbc4358a1d8961d41fbcc56'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'be537d6cfb2a41d6a3e5f2b74ff52da0'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'expiry_warned'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'be82f44fc0314a6db1e0b126aa8241b6'
                        key: {
                            sys_security_acl: '6d5bd56a87084b0fbb22b8e645b4e3d7'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'bed630c19efd47adac49b4d992d7b247'
                        key: {
                            sys_ui_form: {
                                id: '5d6aa322d29843059ab10f2c84629208'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bf16b168d168490b859e83ab12ed6fe3'
                        key: {
                            document_key: 'a8563365ff35467d9d9c370fbb74e896'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'par_dashboard_permission'
                        id: 'bfce671feaa5418c964d1876a91844fd'
                        key: {
                            dashboard: 'e51d514ce6464520aa47471de36a287b'
                            user: 'NULL'
                            group: 'NULL'
                            role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'bffac063e0554350b2332f7a87b653a4'
                        key: {
                            document_key: 'f6c6d843d8504125b57be35abd6d9042'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c00624f67448430895f38106b0cf1f74'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'refusal_code'
                            position: '6'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c00a2ccfa30543a1acd54a3bfb422667'
                        key: {
                            sys_security_acl: '7506d6e4c70e49b4bb7693008e01f1de'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c0554602e88e476e9cca4ec4836240a2'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c05de1309de8495ab61bd779a1e19134'
                        key: {
                            document_key: '4fe4a3b5f8a04632a7bbca816a0b6b83'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c0831b660b8d485b977d0be2d0448040'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_account'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c10a8e47fc20462cbfb0b9d6a762f577'
                        key: {
                            field: 'record_id'
                            table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397'
                            id: '4af895c28e5a44a89ee2f6cb9bc7c5ac'
                        }
                    },
                    {
                        table: 'sc_cat_item_user_criteria_mtom'
                        id: 'c10d661e8e3b40478d5de9e4a64383f5'
                        key: {
                            sc_cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            user_criteria: '2d802432fef54e5c8fedcfe0634e07f0'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c16bc351a20c4f17b84871c028f38eaf'
                        key: {
                            document_key: '4af895c28e5a44a89ee2f6cb9bc7c5ac'
                            variable: 'bc4c43935320220002c6435723dc34a2'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c17856b531714e6d818a81efc1929b49'
                        key: {
                            sys_security_acl: '7ae1b71ee68d4a4e89dbbf5fb558772a'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c1bab573c8d14bd0a3853214f41b488e'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'c1c4692be7e2429da97a4d72b6d342d5'
                        key: {
                            sys_ui_form: {
                                id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '7ee3b4ae91724254bdd0bc852eaa628e'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Audit trail'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'c1d08d06c2014aac976971fa9e2d3d36'
                        key: {
                            name: 'x_gbg_breakglass_action'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c1ed19b8dd0248b6ad62f56e204c572d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'active'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c21b955fbfe143429fc55196468cc6ea'
                        key: {
                            sys_security_acl: '48f9166fb4c1454db2a2423caf94fb7a'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c228c56230e844b3bb4a329a02f05361'
                        key: {
                            document_key: '9687c533efed499ebbc14432be57a5ff'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c270da50ad8e4b3b963155bd6497ad9f'
                        key: {
                            sys_security_acl: '2acfb39278a64daab4a54b61c691e337'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c28c8878bcbb467993a8bae7148ba89a'
                        key: {
                            sys_security_acl: '2ace5f04fc9f4e4e919ae639f359e947'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c2a9e70407e74b3289b48e5fa8b1daf4'
                        key: {
                            document_key: '9cc4c9736c134c9c9eafbd3f8c5031a8'
                            variable: '6aad5a575360220002c6435723dc34b0'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'c30eb418f4c142379e5d6d906c2f5c2a'
                        key: {
                            cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            variable_set: 'NULL'
                            name: 'change_request'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c337455477ab4f43bf2bfa904f6e3539'
                        key: {
                            document_key: '675192be14e6476c9c2befbd53da743c'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_user_role_contains'
                        id: 'c3ba1456f4434226b8cf8685a4ba93ca'
                        key: {
                            role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                            contains: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c3c7c39204f847cb93b512b1e0a86f21'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'result_sys_id'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c3e10afc26a0482f93d1945b0d36fe0f'
                        key: {
                            document_key: 'f94a212b89194fdd8a921fb0c878c056'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c3ef00a8b6054701b10e5719cf9ffcfe'
                        key: {
                            document_key: '25467db695f94a18964957600cc3c6c6'
                            variable: '1985e0ceff2433008d3f5d9ad53bf1ba'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c4687ec79aef436d95726dc8dd370833'
                        key: {
                            document_key: '9efcd5068b2f402d919536c2046dd286'
                            variable: '52ed1e5b5360220002c6435723dc3421'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'c4bd241d46e548559aaf0b7c4f710726'
                        key: {
                            list_id: {
                                id: '8a931ee49e044aa49f3b5a35038cd551'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'hash'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c4dfa4e4833e42fc8eeea33063144a92'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_kind'
                            value: 'entra_role'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c4f7e967c5b54c3fb568c93c76a112e9'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'approved_duration'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'c518f4a908ce4406baf7a4c949168161'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c542905773b14c0e8196fc05bed5bea2'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c56edc2233b54108ace3334a3d67b095'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_14872288df60220062fe6c7a4df26319'
                            id: 'f6c6d843d8504125b57be35abd6d9042'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'c572d0b2d5bc4d16b37f0dc1797b594d'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'change_request'
                            position: '21'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c5b0007364914e879f243367d5b5a6a7'
                        key: {
                            sys_security_acl: '7566769fe81b4cab9d284ed5e5b04159'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c5e724d36dae4be988948ae079158c3c'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'expiry_warned'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'c63e9037b90d4950912970cae086bba3'
                        key: {
                            list_id: {
                                id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'completed_at'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c656dac219a847c2a068b64ed66057ff'
                        key: {
                            document_key: '5a53d2356b5f4452ae87e29b5e2a655c'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c6793b69bfd242199a7919c6251c2528'
                        key: {
                            document_key: '87352ce531dc4807b56f60f97bec076e'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'c6b18ae449c942418d580d0d20a1a122'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                            value: 'ready'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c75352348e8a4474882abe5c55b43055'
                        key: {
                            sys_security_acl: '7ff9c758fa3e400783f7cca97810cea5'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'c79390b875864645aede368499b11f7d'
                        key: {
                            name: 'x_gbg_breakglass.agent'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c7c5dc94e30f421b8ac27208a78ede50'
                        key: {
                            document_key: 'd477c4da4bcf464488bf356a4183bc13'
                            variable: 'b124164e53a0220002c6435723dc34c5'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c831c9d1d5a340e89d1f09bfa1e4506d'
                        key: {
                            document_key: 'fc63f373127f480dba23ca09251301c0'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: 'c85a4adb03ec444f8dad7f481d1db5e8'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c866d844ef69430fa799da1eedda1dc1'
                        key: {
                            sys_security_acl: '74c5bf2fe0d44199be8568fc91bd9cad'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c8d96bb0ed6c44e589a610d37bcfb44e'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'sequence'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c949a7e50bdd47dbbd605c0a1216775b'
                        key: {
                            sys_security_acl: 'e8c1af9c63404c66b706fa375ba2ba55'
                            sys_user_role: {
                                id: '6b4bd09f6a2648d8b95fb95ad9af4a17'
                                key: {
                                    name: 'x_gbg_breakglass.proposer'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c954ddc42c5f4174a3cc4f8ee5c14d5e'
                        key: {
                            sys_security_acl: '1d8bbb88e65e4220883a3238ca9dd009'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'c95bd5ee3c6f41dea248a2d0e3df61e4'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'ca8b41fc382242beb5516744a0ac1a45'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'actor'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: 'caa647da9a064c03b5c37d9637d94154'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cb391cceadfe4702a76cbc3547623034'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'cb4334b1f58d45a290ddc7ec8d6fbf88'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'sequence'
                            position: '2'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'cb51f823301447469b05badf45d28e20'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'scope_user_admin'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'cb6be30649684dc89d518c44163d8738'
                        key: {
                            list_id: {
                                id: '8a931ee49e044aa49f3b5a35038cd551'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'occurred_at'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cbb30e8756d44593b8f2a128726568a7'
                        key: {
                            sys_security_acl: '354a04de4e3e40b58eec594faaac88f6'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'cbdd925c806241d1800f8f44b8dd2d56'
                        key: {
                            sys_ui_action: 'd56299b737a547f0a6d79de120daded3'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cc083a3d82b14b0bbb7fd8a686c45884'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approved_duration'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'cc0a0fdee7fb48528d24145131f402d5'
                        key: {
                            sys_ui_section: {
                                id: '36c530fa19874d06b62af8df4828b023'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    caption: 'Break-glass executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'last_poll_at'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cc403709c98c49de9efa24450019557f'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'business_hours'
                        }
                    },
                    {
                        table: 'sys_ui_form_section'
                        id: 'cc507f87565f4c0790890e574391b446'
                        key: {
                            sys_ui_form: {
                                id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            sys_ui_section: {
                                id: '39dbf7ac5ae849a38e0d9c3a09585435'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Plan'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cc678071d18c46bea8cdf1455048e421'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_scope'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cc693279d01f43cc8d3feae0bfee8c7a'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'corp_managed_only'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cc69c622fc9e4634a69c65ca5a5cfca9'
                        key: {
                            sys_security_acl: '62b59a633d234be08460b14fcdd4cf0a'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cc744854a7114c718c897e038bd2acea'
                        key: {
                            sys_security_acl: '0c4f4be96a254ae79ad2b472a60cd89d'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ccc62f63b04c41f7849b6302330a5ded'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'order'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'cce7b149c61a4c2a8978acc76989758b'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'revoke_failed'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'ccf8a81cafde415f88e7ace7c73d1e6b'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'granted_at'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cd161936e0904d5a8082d11fbf4f4e76'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'lease_owner'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cd62fbec78144a058091cca668f9c3b9'
                        key: {
                            sys_security_acl: 'b595b673cce949548ba31b45e9f50f1a'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cdd9d2871c52446586e2e6be4f608ba6'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'emergency'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'cde467988fc640db8858dac9ed98c177'
                        key: {
                            sys_ui_action: 'fe6a019740b74243a6dccaa8532bd988'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                        key: {
                            name: 'x_gbg_breakglass.executor'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'cdf4cd61a96241c49e4dcb01fa9d7e7e'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_14872288df60220062fe6c7a4df26319'
                            id: '1e7724967f97451892b384f852570235'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'cdf7fc2eda56418fa25d7263b22a1f10'
                        key: {
                            sys_security_acl: 'a3e4d8edbff34440aff4c14ecc41e98b'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'ce249f597cd8429ba75e25967701eb08'
                        key: {
                            cat_item: '3591b98f67b049f8864f6f96d455957c'
                            variable_set: 'NULL'
                            name: 'requested_for'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ce326e3da8c644519d4c9a3e1acdac98'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'file_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ce6d2f0d925446418b27efaef36f8e40'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cea2d446f28247fb9eae1735ad4e716b'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'second_approver_group'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cf2892daa99345b09a1112809a7782e5'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cf29ea2a660d4ce3af929aabb6497eb8'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'justification'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'cf704d5484574df59d964f9cde2c676a'
                        key: {
                            sys_ui_section: {
                                id: '84b0ce1368ab49e599eb3e99c10f09f2'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Access'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'provider_txn_ids'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'cf88811d5afc48f88ecdbf79225fa68d'
                        key: {
                            document_key: '87352ce531dc4807b56f60f97bec076e'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'cff241305a1e4de0912d184a069161ea'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'approval_timeout_minutes'
                            position: '20'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd00d4b646644498aa1e5bb06a0c7e6d2'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'incident_required_for_emergency'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'd020271d6530434dbf426728eea102b9'
                        key: {
                            sys_ui_action: 'ce6ed9f8003e415982580871e2f6f88b'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd044d662c62c4a04bd2570616a97e51f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'justification'
                        }
                    },
                    {
                        table: 'sys_ui_list'
                        id: 'd095c6ff7ef4424a9775f94a9fff7c8a'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                            element: 'NULL'
                            relationship: 'NULL'
                            parent: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'd17386dec4a646b39e0cf51774cbe159'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: 'd1caeb6898c74cc7ace7b6c99dd3a1b9'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd2017fc1d89846908a8368e734b42105'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'emergency_approval_timeout_minutes'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd2400ad4ca614759ba7a90f08eb4e7c1'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.begin_split'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd26ad359c8a844958592c3b10a115071'
                        key: {
                            sys_security_acl: '11b6b669d1e24fdda294d9b1198668e9'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd282a42fb60f49878a389b6289e6ca3a'
                        key: {
                            sys_ui_section: {
                                id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Measures'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'approval_latency_seconds'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd2eda79e1da94fd0a60c64ef60e4c88a'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '16'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'd38a390c1f9243b2a2ec784a800bd6e1'
                        key: {
                            list_id: {
                                id: '8a931ee49e044aa49f3b5a35038cd551'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'grant'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd3a3f9e65e1d4b1e8536d14f8da18af7'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'content_type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd3b25e7364694295a596d8f9da9349e0'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'state'
                            position: '9'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd3c4861d72944fb5aba9bfdd76edbe3f'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'incident'
                            position: '23'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd3d507de3709497a919c63982243ee54'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'incident_required_for_emergency'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd3dc5546c45c4a389b60e59e0b87f891'
                        key: {
                            document_key: '25467db695f94a18964957600cc3c6c6'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd455f3b98c8547778e5ff11c8ba0ce0d'
                        key: {
                            sys_security_acl: '7ae1b71ee68d4a4e89dbbf5fb558772a'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd4707b32c77047bda15e942b76561f1e'
                        key: {
                            sys_security_acl: '975cfade9909435e9c31adf223d2634a'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd4ecca565d0140f385e91bd7da6580a1'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan_text'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'd4fbb543db3a49e09100607b02e57853'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'd54d65914d014e638dac19602e0d81dc'
                        key: {
                            sys_ui_action: 'f5013e19aa34455689b60f0fff3aa106'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'd5b2e77cfff14a5bb6a8d0bcec898d3b'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_d9bc5f21ff6033008d3f5d9ad53bf12d'
                            id: '87352ce531dc4807b56f60f97bec076e'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd5bc6f74993e4dd0b5c998ce57e32eeb'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'lease_until'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'd5e28e463c9e41f8a7735308df0ebb67'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
                            value: 'grant'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sc_cat_item_category'
                        id: 'd650beae4b6b48fbba73849ddc04268c'
                        key: {
                            sc_cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            sc_category: '2970373f6bbf45758e7825e77a62a30e'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd66650b06ee245d6bc056a93c351b062'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'result_sys_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd6964a41375744ca9571f268c818c080'
                        key: {
                            document_key: '5a53d2356b5f4452ae87e29b5e2a655c'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: 'd69af5ea90ad4b9b887ba4a10ca96ab2'
                        key: {
                            question: {
                                id: '5ca5ceb8114449619aebb561283eba80'
                                key: {
                                    cat_item: '343034545f4e4bffab7562f501a4bf1a'
                                    variable_set: 'NULL'
                                    name: 'role'
                                }
                            }
                            value: 'fe930be7-5e62-47db-91af-98c3a49a38b1'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'd6b65ee1b8024f03af4bf8fa5faeeca5'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'ritm'
                            position: '19'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd744282954ed4be3846b18b524aab187'
                        deleted: true
                        key: {
                            sys_security_acl: 'e2e13a8350434517b6171e0d5fc3cb40'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'd7fa14fd797242efabb4e4818b0dfc8d'
                        key: {
                            list_id: {
                                id: '443232d48c7046af9419ad821f4b19db'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'short_description'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd7ffdb1200ac413b8841c29d76265af9'
                        key: {
                            sys_security_acl: '7ff528df9cfe481e83343e214a8f1829'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'd80464b17c8346cb825c4b1f72d80e44'
                        key: {
                            list_id: {
                                id: 'caa647da9a064c03b5c37d9637d94154'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'result_number'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'd96de685817443498e95340cf9d3264d'
                        key: {
                            list_id: {
                                id: 'caa647da9a064c03b5c37d9637d94154'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'd9819dfb7369443d812be30a3a6be6cb'
                        key: {
                            sys_security_acl: '7ae1b71ee68d4a4e89dbbf5fb558772a'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd9c5bfd0f54b4d15acb6fa9d572886c7'
                        key: {
                            document_key: '1e67f3e458a04ee58ab9a3362b82de07'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'da10300bca3d470ebb01363334b1c3fe'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'completed_at'
                            position: '15'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'db24e8fce51f467aaccc636ff77c367b'
                        key: {
                            sys_ui_action: '204b6b604c6a439c866d96bed6812d52'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'db3fcb1a1b89465eb7e481e85d042ebc'
                        key: {
                            cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            variable_set: 'NULL'
                            name: 'device'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'dbeadfa7ad2b4dd8b1ab3c2b48441fd3'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'name'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'dc01f5746c62447fa18c166be2b39a2e'
                        key: {
                            sys_security_acl: '701b459bb9ba4f21b2ad94e396e375a3'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'dc36195d4d4c4282a6710137b6b5dd6f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'revoking'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'dc913f90f4b847bb9bb322540ffff4f3'
                        key: {
                            sys_security_acl: '36440616c8e64748adff67780dcec798'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'dc99d2ce146b43af89d74e4412c1a730'
                        key: {
                            list_id: {
                                id: '387414dbf6004a30a692ee11b44817ba'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'payload'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'dccdd6d5932a4e1091ebfdfe635a8ded'
                        key: {
                            cat_item: '343034545f4e4bffab7562f501a4bf1a'
                            variable_set: 'NULL'
                            name: 'requested_for'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dce15cbb4e764bbc9d78dfc7b29b60e7'
                        key: {
                            document_key: '60f28e4798d34e96a7e54ca1ddcb0b43'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dce4a34446594bfe9c13d9dca82250c5'
                        key: {
                            document_key: 'b44561c63ccd4c31bac71f76ad3fe69c'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dd73a713a313404e86f3936d515ebd16'
                        key: {
                            document_key: 'b3e9e4d6ecf44b648310cc9812ea98da'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'dd9131c946ab4596a3c7c6fbdc31224e'
                        key: {
                            sys_ui_action: '288a8c2d9a8a46d0a4b306148c794879'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dda1fba3c3644c1ea3dfb100e8abf531'
                        key: {
                            document_key: 'a9d0a1d68baa475eb6ec27b79b034a74'
                            variable: 'ff6e125353a0220002c6435723dc3442'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ddbfbb04f15a4fcd98e43b621257ab30'
                        key: {
                            document_key: 'd477c4da4bcf464488bf356a4183bc13'
                            variable: '74d6e7a0a3023110571967d1361e616b'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'dde5c04ffb2d432f8301744a28632b6c'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'sequence'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'de0a393d657e45fe82d0a6c5333aae06'
                        key: {
                            document_key: '9cc4c9736c134c9c9eafbd3f8c5031a8'
                            variable: '67400008676003007ba405225685efa4'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'de154b0cae6644aeaca5f55a67baa1ef'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'second_approver_rules'
                            position: '16'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'de897bd511a74f899457f19a87b6f70b'
                        key: {
                            sys_security_acl: '86c85a465bad42a584152044beb7dcd7'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'dea84ca764294d83ae1d3eebbca89198'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'blocked_users'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'df0a3291b9924c51995aafd5d863929c'
                        key: {
                            name: 'x_gbg_breakglass.admin'
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'df89017b06f44e4889fdfe8072a05d9d'
                        key: {
                            logical_table_name: 'x_gbg_breakglass_ticket_update'
                            col_name_string: 'grant,kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'dfaf427b292545aea7035d5e044aa13e'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'granted_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'dfe9079201274adf95e71c77045bad4a'
                        key: {
                            sys_security_acl: '354a04de4e3e40b58eec594faaac88f6'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e06483771e09489c81e4a62c226666a2'
                        key: {
                            sys_security_acl: 'ccc585a5e2ef4422a2b5f2426b578666'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e08a2a6be4684a168fb217b9326e5208'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'min_duration'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e09b0af585a04a5592c48004c07d69e9'
                        key: {
                            sys_security_acl: 'ff3bdbf9eac84de8a251f9aa3f317689'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e184718143b24aa88231d21170bfcfb5'
                        key: {
                            document_key: '74956bcb06f6404a9c3b4e6e77315654'
                            variable: '51547e3953212110248dddeeff7b126b'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'e198e319786446fa8e21b325642e3737'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'edited_by'
                            position: '23'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e1a21ad95ea74817bd6b1ca7fa326294'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'policy_decision'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e1e874cc986c4b8898fc81e5d5d4a432'
                        key: {
                            document_key: '0416ee7caade42269c2f3612bdc4e8f9'
                            variable: '8c07aba5ff6033008d3f5d9ad53bf13b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e2073e46e29747a192ce5bb0305551fc'
                        key: {
                            document_key: 'e6b01792258c409fba0d760cfc3c8b29'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e2352a6ac87141ea95f3b36c13314fe7'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'priority'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'e275d1857b18460b8a48499858b9f3c9'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'requested_for'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e2b24d83178a48bfb1f803a85cbe569c'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'granting'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e373fbe091584048b3c3e6fdfbd19130'
                        key: {
                            sys_security_acl: 'ce9fc24b4ef54844b2a5630834811733'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e3867571c4f04941ae81719c691a4814'
                        key: {
                            sys_security_acl: '5f660a51fce342c48fcab13fe1cbf4cb'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e38815b20d824b48b7cc0d3f976783a7'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'customer_authority_group'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'e3da14faa7804e4b84de78f51291407e'
                        key: {
                            field: 'record_id'
                            table: 'var__m_atf_input_variable_5f2e0e535332120028bc29cac2dc34d3'
                            id: 'd477c4da4bcf464488bf356a4183bc13'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e4073a0fedb74f3db1d4bd1f0b372560'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'occurred_at'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e43a426e92724670ae6cc47da6d703c3'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'payload'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e447660687c649acb125b703ee7aed3f'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'edited_by'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e52f2076e1ca48aba2c67c041ec3d3fb'
                        key: {
                            document_key: '74956bcb06f6404a9c3b4e6e77315654'
                            variable: '7600f16353e0220002c6435723dc34d5'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'e53735fbcb804709a755b916a83de0d7'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'state'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'e53d69a36dfd43038304b6cf573b212b'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'approved_at'
                            position: '3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e5793f18cbab4334996d9c5f1c28cd73'
                        key: {
                            document_key: 'a85df6ef61df4efc8708404f827fbb6a'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e57edd0daa484a9cb327796b710f1eb2'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'policy_decision'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e58f440db01f4316bca0d6ec6dff0aa0'
                        key: {
                            document_key: '2dd1027cea8f4728a4778b89e1faff46'
                            variable: '586e2c4253e0220002c6435723dc3415'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e5cde1aa2b6244d0ae15a87981056153'
                        key: {
                            sys_ui_action: 'f71edefde9cd441d99a501363e4a9256'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e660b2d07b9a4ff1ac0b661d1a1ec43f'
                        key: {
                            sys_security_acl: 'fd6f60dd7648444da7f0cb5fb97eaa8d'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'e672c42d440943d7a9700c51cbf4780e'
                        deleted: true
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'target_group_id'
                            position: '14'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e695d7d0871b46f69b67dd0d529437ac'
                        key: {
                            sys_security_acl: '044888d1d30f48f39751b30c2a8e0139'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_index'
                        id: 'e6c82690d62a43d7b9367f90fd90768c'
                        key: {
                            logical_table_name: 'x_gbg_breakglass_audit_event'
                            col_name_string: 'grant,sequence'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e6f1b096ed17417988a7d436f9c2514d'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'grant'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e77276dd182744468a9ca1db1cbc4e1a'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_latency_seconds'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e77b7c9f3a564410aa85f91fd03ea357'
                        key: {
                            sys_security_acl: '914e0abc3a0342d6be1d3fb6f23d63ef'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'e821390f5e8746dfb5b94c7773248fa7'
                        key: {
                            sys_ui_action: 'fe6a019740b74243a6dccaa8532bd988'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e8a3524ec5294ac58e8da4c72203f919'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e8b52cf2bfee4484885c62832666a092'
                        key: {
                            document_key: '0416ee7caade42269c2f3612bdc4e8f9'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'item_option_new'
                        id: 'e90467f7989147eeae2a0f2f35b3fa91'
                        key: {
                            cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            variable_set: 'NULL'
                            name: 'justification'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e907d7d29dde49aa8ec062bb3b2d9df8'
                        key: {
                            sys_security_acl: '5ff73751a29b4cf8bdb38e1398bb6d5e'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e90ed95c697745dca890828f7b28a279'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'emergency_max_duration'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'e9317e5a5adc480d9a3df40ef2d23f14'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'emergency'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'e94bfafc393e4e36904076b9be938aef'
                        key: {
                            sys_security_acl: 'a437aa7d0d0847338f8b3d9a11e31fef'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'e9623900571f414dbc022f715c346131'
                        key: {
                            list_id: {
                                id: '7148382f911c457ebffb2cf879b22a51'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'active'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e96c84a87187413abd1d8702388efed4'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'approved'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e9eb24cf5c214e98a7e6f87b20e0518e'
                        deleted: false
                        key: {
                            document_key: '35708fbe53e74637af4d03b40f6f4567'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e9eb7e6907ef4793b020f5becfb1eac9'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sc_cat_item_user_criteria_mtom'
                        id: 'ea1bb8c387df40fe80243287bf3b404a'
                        key: {
                            sc_cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            user_criteria: '2d802432fef54e5c8fedcfe0634e07f0'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'ea3220ed4395428ebf113385cdfb9019'
                        key: {
                            name: 'x_gbg_breakglass.approver'
                        }
                    },
                    {
                        table: 'sys_ui_section'
                        id: 'ea46e937f1cc49fa98495c5f08590cf6'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            caption: 'Break-glass action'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ea593e6816704b67a4989edee295004e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                            value: 'entra_group'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ea99911eb9e5499e9d519e4f5ea69548'
                        key: {
                            sys_security_acl: '57d42389bfbb4fa5b9f813c3367b7a52'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'eaa573c7ee65419f80796a67fb6d2e4f'
                        key: {
                            document_key: '0156305ab53042c89a9942f08bf156f7'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'eb3b5c797403426992116e31af7c6075'
                        key: {
                            sys_ui_section: {
                                id: 'a4d58f9e3a7c42fe947981968f236bd0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Revoke evidence'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'evidence'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'eb473ea125dd4fa3a92dca189e3d5c59'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_tenant_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'eb47c2170d554e0c91aa18c79074667d'
                        deleted: false
                        key: {
                            document_key: '35708fbe53e74637af4d03b40f6f4567'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'eb746fb64943440184682378ce7305d3'
                        key: {
                            document_key: '5a53d2356b5f4452ae87e29b5e2a655c'
                            variable: 'dd54cf535320220002c6435723dc34fd'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'eb90bc6399e64dda9a8fb3c901f83d68'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'second_approver_rules'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'eba98abc0fbf4207827fcc728bcf5cd9'
                        key: {
                            document_key: '1e67f3e458a04ee58ab9a3362b82de07'
                            variable: '9024a37f671003007ba405225685efe5'
                        }
                    },
                    {
                        table: 'sys_number'
                        id: 'ebb933e036244d728710a47c32a34193'
                        key: {
                            category: 'x_gbg_breakglass_grant'
                            prefix: 'BGA'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ebe97608a59146fdbd1fc6ade1cd3a0b'
                        key: {
                            sys_security_acl: '10324952730e4daa96fe2959b4149baf'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ec99297d021b4845b3f658028a9b4262'
                        key: {
                            sys_security_acl: 'a7ba1b0a88a44650a4ab22fc6f254d4a'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'question_choice'
                        id: 'ecf0d0134099484d8151b79ee5f876fe'
                        key: {
                            question: {
                                id: 'a3f0cd17e8034f5f96d05981922ce4f3'
                                key: {
                                    cat_item: '3591b98f67b049f8864f6f96d455957c'
                                    variable_set: 'NULL'
                                    name: 'duration_minutes'
                                }
                            }
                            value: '240'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ed19570815994037b68f07d5199499a5'
                        key: {
                            sys_security_acl: '0c4f4be96a254ae79ad2b472a60cd89d'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ed1b15c4e05640579d3386e5323b25e9'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'opened_by'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ed37552d7d7c41bf8478823887a409b1'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_stage'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'ed3bf821daab4bbe81da65e1ed275ab5'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'lease_owner'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ed73364e1ebd47878b91a0cef41e3687'
                        key: {
                            document_key: 'f6c6d843d8504125b57be35abd6d9042'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ed9ae04fc58242eb9a6a7fa37e9c1365'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'allowed_device_classes'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'edc8c9a517154b1c9415e4b8c382c4cc'
                        key: {
                            document_key: '5afcba965eb44b1fac70380617c106af'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'edc9482bfd434a7880845f721e3b44ee'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'prev_hash'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'edcb4bed783840748862e517aa73d3f9'
                        key: {
                            document_key: '4c43648c4bbc4358a1d8961d41fbcc56'
                            variable: 'e6e3c7535320220002c6435723dc3496'
                        }
                    },
                    {
                        table: 'sc_cat_item_catalog'
                        id: 'edd39ced5c904f778b9212b994ef5e8d'
                        key: {
                            sc_cat_item: 'bb349d9e0f6b45de958e641a0f6fa2c1'
                            sc_catalog: 'e0d08b13c3330100c8b837659bba8fb4'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'eddd9a010df843bfb6657c49764fa229'
                        key: {
                            field: 'field_values'
                            table: 'var__m_atf_input_variable_14872288df60220062fe6c7a4df26319'
                            id: 'a85df6ef61df4efc8708404f827fbb6a'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'ee0ee6ae4e014b81a5e9107da00d7b59'
                        key: {
                            sys_ui_section: {
                                id: '6fc12b4da13c4930a60cdf8cd0fc17b0'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Measures'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.end_split'
                            position: '5'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ee39c338deeb462da0de4d5d4ef32e13'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'time_to_access_seconds'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'eef26faa4abf44dfb50df966ebd44699'
                        key: {
                            sys_security_acl: '586703b2ace84d668e3482a300c60415'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ef2672e37784484693197c13d96cbbc5'
                        key: {
                            document_key: 'c306a5214dfa4a89a13e0310fd35afae'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'question_choice'
                        id: 'ef400ecef637423ca43007a13467adbb'
                        key: {
                            question: {
                                id: '5ca5ceb8114449619aebb561283eba80'
                                key: {
                                    cat_item: '343034545f4e4bffab7562f501a4bf1a'
                                    variable_set: 'NULL'
                                    name: 'role'
                                }
                            }
                            value: '194ae4cb-b126-40b2-bd5b-6091b380977d'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ef6981a902f141599ad3b10d4904182c'
                        key: {
                            sys_security_acl: '10324952730e4daa96fe2959b4149baf'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ef6abc6350734fc2bf1d28ca8c3916c8'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'result'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'ef6aed6ef6554ca39771e159d0104540'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '.split'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'ef6fdeb5bd68430f8160e53fed29fcde'
                        key: {
                            sys_ui_action: '159931f7035644c4a50f79ae5809f03c'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ef74e61bedc6479189ef40a0d63d9e12'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'confirmed_at'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ef8e6406556346689be67f3660b951ab'
                        key: {
                            sys_security_acl: '3289dd7ab61e4a76bff9d079aff899be'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'efe4f8ba36cb4040bcafe66d942e8bb7'
                        key: {
                            document_key: '60f28e4798d34e96a7e54ca1ddcb0b43'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f0041f5eac1d4153b913b918b19428e8'
                        key: {
                            document_key: '74956bcb06f6404a9c3b4e6e77315654'
                            variable: '535cb5ab53233300f06fddeeff7b1247'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f038a1c948c149e99f837d52196516fa'
                        deleted: false
                        key: {
                            document_key: '87cdf23f66504783ad436bb58e0e9980'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f07eb26dfa7a456b98b88780ccff3b08'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f0e68d3b05bd441e92f2bfa7db94cb66'
                        key: {
                            document_key: '87cdf23f66504783ad436bb58e0e9980'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f14570e1bd6c418fb674ee0b1c56b61b'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'opened_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f1ab371325884fccaa197eae646e0a20'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'max_duration'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f20ba0e1220946e09b1481099f25a73d'
                        key: {
                            sys_security_acl: '914e0abc3a0342d6be1d3fb6f23d63ef'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f2710600634e48f5b1a6c30b6a0bbb75'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'f27152f2b63847899830f83840ba7a0f'
                        key: {
                            list_id: {
                                id: '9c931b17aa0a4a9f9d79d24fe07b74b8'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'NULL'
                                }
                            }
                            element: 'expires_at'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f2ac65b1755c425c9f90d05dab13644b'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'prev_hash'
                            position: '7'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f2c981566b464163b9d707f8393c70e7'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'change_required_for_production'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f2d7e69e2ed34585a812a829725f3a25'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'f2dc1638a00248f49d23e506c42ab75b'
                        key: {
                            field: 'record_id'
                            table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397'
                            id: '3ef28d6c672b4f75b1d5996300a17ef2'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f2ef01dcb3f34815904d84c24400924e'
                        key: {
                            sys_security_acl: '2acfb39278a64daab4a54b61c691e337'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f30fd73aa5d34d56979a20420ac22045'
                        key: {
                            sys_ui_section: {
                                id: '52d8207519c1483d9c871ec3259e09ca'
                                key: {
                                    name: 'x_gbg_breakglass_audit_event'
                                    caption: 'Break-glass audit event'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'grant'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f3507261892f4855bf7d6cc4aec535a4'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'max_duration'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f37b68eee9804e2790eb4572ef7c50c2'
                        key: {
                            document_key: 'fc63f373127f480dba23ca09251301c0'
                            variable: '90144b535320220002c6435723dc3488'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f380b2ac43274ea4b71c111cc7c070a9'
                        key: {
                            document_key: '60f28e4798d34e96a7e54ca1ddcb0b43'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: 'f3912e20c33141e1a63bea2b0443dcc9'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f3eac30b596a4c1592198d55928899a6'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'provider'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f42a28c5a164454da9385d93c440aa20'
                        key: {
                            sys_ui_section: {
                                id: '9a3a93a4bc8f4253b69abb3521d91b6d'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Request'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'extends_grant'
                            position: '25'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f455114cdf474eabb41364bec211beba'
                        key: {
                            sys_ui_section: {
                                id: '36c530fa19874d06b62af8df4828b023'
                                key: {
                                    name: 'x_gbg_breakglass_executor'
                                    caption: 'Break-glass executor'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'last_claim_at'
                            position: '4'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f475ba88465541f19a29d8a301f24065'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_role_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f4e2000cb92f45fd9ae8a47f27dedf65'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'content'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f54e9f915f4e47ad874f843ccfc8c709'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                            value: 'policy_rejected'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f60255ab42b0498181ebda265d0fc3b0'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'reason'
                            position: '12'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f619599cacef471b9a52d6e59019e7e8'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                            value: 'console'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f627b2928f884221898d0631f73bb608'
                        key: {
                            document_key: '9687c533efed499ebbc14432be57a5ff'
                            variable: '6f69fc4aff6433008d3f5d9ad53bf18c'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f72a790718104d77985852c12be2150a'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'f7629b79d5fd41f3b12b40a72e2ebfcf'
                        key: {
                            list_id: {
                                id: '443232d48c7046af9419ad821f4b19db'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f7a78036286546f8be31833b1e86f327'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'approval_requested_at'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f7b53df79a4a4fb8b1d26e954910f2bb'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'number'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f838cbfcfb06430ea4c7722539867729'
                        key: {
                            sys_security_acl: 'd4a7944f6a34424b973eec54d424ef36'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'f85fad87974a4920b399cfcba567a9f6'
                        key: {
                            sys_ui_action: '9d2b58d759be475f96abd61494ff984e'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f8767261c6c24cfeab270919d20bf7b6'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'grant'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f8bf06674e27406f873dbb3c91f15e53'
                        key: {
                            sys_ui_section: {
                                id: '8b91bf4c2cbf4b2692654ec86011f9bb'
                                key: {
                                    name: 'x_gbg_breakglass_policy'
                                    caption: 'Break-glass policy'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'name'
                            position: '0'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f8c5cd9586754b1988755ac99b87ba61'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f8f1e926edb04ea1b502967f14b5e5df'
                        key: {
                            sys_security_acl: '044888d1d30f48f39751b30c2a8e0139'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f8ff2b4d6f634cecba627b6e17e9d210'
                        key: {
                            sys_security_acl: 'beb105b748934a13bb98d00631a1130f'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'f96f05a4feb04e31a5a788ec60c8f63e'
                        key: {
                            document_key: '3ef28d6c672b4f75b1d5996300a17ef2'
                            variable: '334b7bb7675003007ba405225685ef72'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'f998ca7958e14c708e672b72bf346f7f'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'policy_decision'
                            position: '10'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'f99d99d7d2294c9e8e841c6c3ad9a84a'
                        key: {
                            sys_security_acl: '62b59a633d234be08460b14fcdd4cf0a'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fa10acfb968b48668425a8dcff78c50f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'executor_instance'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fa202cde529340a694d0bd5e8550ac26'
                        key: {
                            sys_security_acl: 'ce9fc24b4ef54844b2a5630834811733'
                            sys_user_role: {
                                id: 'b15dd9668f6743608400aa8c070ca099'
                                key: {
                                    name: 'x_gbg_breakglass.secops'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fa53ee6ff52f472eb505510bef36fc8c'
                        key: {
                            sys_security_acl: '3439d547e53b4c48a0387a2f3b5276ac'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'fa7db9d12998434d8fc212455cf103cf'
                        key: {
                            sys_ui_section: {
                                id: '80a469baea4047c1b2f380b93a893114'
                                key: {
                                    name: 'x_gbg_breakglass_ticket_update'
                                    caption: 'Break-glass ticket update'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'incident'
                            position: '2'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fa8b712f48b6473ab9ee59b05e9b356d'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'last_error'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fa97ed0e3740484593ac75804cf00c1f'
                        key: {
                            document_key: '9687c533efed499ebbc14432be57a5ff'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'faf329a8f0534731977cfc7e4e7d3dae'
                        key: {
                            document_key: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                            variable: '1778a7480f20101091d0f00c97767e03'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fafab089e2ca474c9a3b2e49e0480017'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'change_request'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fb1a0ccd1ebf42768e562370b6366dac'
                        key: {
                            document_key: 'c306a5214dfa4a89a13e0310fd35afae'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fb35ecb1531243a59c0b50afe0e28870'
                        key: {
                            document_key: 'b73449dab5074ace8ce514acc9589e51'
                            variable: 'cbddfa135320220002c6435723dc3415'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fb436d3597104d83af78ad6f86742c06'
                        key: {
                            sys_security_acl: 'e73411c856344d1db0523d583ec0d8bf'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sc_cat_item_category'
                        id: 'fb46b3409d1846e8bc0a15e6104404c6'
                        key: {
                            sc_cat_item: 'f91e452e5dea459da3521f1c2edc33e5'
                            sc_category: '2970373f6bbf45758e7825e77a62a30e'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'fb5641c0d413420fb0ddbaf6a2ddfe0b'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fb9b5a1520f046628c4739e2f6547040'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'hash'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_form'
                        id: 'fbe8dbd1d0ec432aa1209d87297b3704'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            view: {
                                id: 'Default view'
                                key: {
                                    name: 'NULL'
                                }
                            }
                            sys_domain: 'global'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fbec0513f5664d66a2d5381ae985236e'
                        key: {
                            document_key: '60f28e4798d34e96a7e54ca1ddcb0b43'
                            variable: '98c44875ffa033008d3f5d9ad53bf1fa'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fbf5f5d1f887438c9ef60ab9414c3534'
                        key: {
                            document_key: 'cd0ba8e04b0b4d93a4a39f5b256b7694'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: 'fcb9cecd729c4ba3a17fa10682aa97fb'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'target_kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fcfeb1eed5b64616981a7fc65251bc30'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fd2afcaf1a2c410da46f0f3c38d66bce'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'security_group'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fd32856e45cc412db3f52a5586c0b968'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'hash'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fd4414b271334246a51f4fab10ca3293'
                        key: {
                            document_key: '3ef28d6c672b4f75b1d5996300a17ef2'
                            variable: '46dbcb535320220002c6435723dc3409'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fd4f8aa673d44aa1999773991c8562f2'
                        key: {
                            sys_security_acl: 'ff3bdbf9eac84de8a251f9aa3f317689'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fd7571a534644f1fad43cf2aa9b49971'
                        key: {
                            document_key: '14e5d92abc854220a4d0288e31ea52f1'
                            variable: 'b27b2b29ff6033008d3f5d9ad53bf164'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fdd77cb9103147f19763905ce4b2acb5'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'auto_approved'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'fde742ccc46f432cac85ffe2d3c15db7'
                        key: {
                            sys_ui_action: '204b6b604c6a439c866d96bed6812d52'
                            sys_user_role: {
                                id: 'a0cea3f0962c4b3581c4d65c2644fa90'
                                key: {
                                    name: 'x_gbg_breakglass.requester'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_list_element'
                        id: 'fe08965e2cde434ea7a41190265c95cb'
                        key: {
                            list_id: {
                                id: '17d12578512c4c63930dcf9a4405b8f7'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                    element: 'NULL'
                                    relationship: 'NULL'
                                    parent: 'x_gbg_breakglass_grant'
                                }
                            }
                            element: 'last_error'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'fe186c842ae64293ac747e7cf560949b'
                        key: {
                            document_key: '0416ee7caade42269c2f3612bdc4e8f9'
                            variable: 'ff06ab840f20101091d0f00c97767e6d'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'fe2f35dca4394079926931f607708618'
                        key: {
                            sys_security_acl: '5a493b5750b54a4eaace3346d205e284'
                            sys_user_role: {
                                id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                                key: {
                                    name: 'x_gbg_breakglass.executor'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fe4788402ce74dd4a302f035b54c02c1'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'high_risk_roles'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'fe8dfc5cf2ff4d8fbc269c176b26176d'
                        key: {
                            sys_ui_section: {
                                id: '28152639f72b44c7a80555ec1f9ce8d9'
                                key: {
                                    name: 'x_gbg_breakglass_grant'
                                    caption: 'Approvals'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: '12M.x_gbg_breakglass_grant.sysapproval_approver.document_id'
                            position: '11'
                        }
                    },
                    {
                        table: 'sys_ui_element'
                        id: 'fea4f15b6a3f4d1e94a7ab2cc534613b'
                        key: {
                            sys_ui_section: {
                                id: 'ea46e937f1cc49fa98495c5f08590cf6'
                                key: {
                                    name: 'x_gbg_breakglass_action'
                                    caption: 'Break-glass action'
                                    view: {
                                        id: 'Default view'
                                        key: {
                                            name: 'NULL'
                                        }
                                    }
                                    sys_domain: 'global'
                                }
                            }
                            element: 'grant'
                            position: '1'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'feeb9d5258574d2ba05c1f88f0ccebe3'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'ritm'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ff00e5de0a5e4282b9ff005b0d005d11'
                        key: {
                            name: 'x_gbg_breakglass_ticket_update'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'ff070e4ca09c4b68b621686c2131b034'
                        key: {
                            document_key: 'a9d0a1d68baa475eb6ec27b79b034a74'
                            variable: '52ed1e5b5360220002c6435723dc3421'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ff6caf84e892402c854594cb00d38b9f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'proposed_by'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'ffa6d977ea0f4413b82d5545609b3ecb'
                        key: {
                            sys_security_acl: 'ff9d2c16c3574b64b9cf1d83c0e25e01'
                            sys_user_role: {
                                id: 'df0a3291b9924c51995aafd5d863929c'
                                key: {
                                    name: 'x_gbg_breakglass.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ffcb88b47c6d4663b7207c6d410f3f29'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'last_claim_at'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fff4a6ad1fbd4aeb97602fd343c0a3d0'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_group_id'
                        }
                    },
                ]
            }
        }
    }
}
