import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    bom_json: {
                        table: 'sys_module'
                        id: '1aaef1e6ca304fd1bc41c1eca4d6ff4f'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '365acbd0a6504b54a160e947bab11174'
                    }
                    'src_server_shared_claim-guard_ts': {
                        table: 'sys_module'
                        id: '3658d18160964eabac40e0a82b8a8d48'
                    }
                    src_server_shared_index_ts: {
                        table: 'sys_module'
                        id: '4e3dfe0e44114c61bf72bdaf51937c96'
                    }
                    'src_server_shared_plan-types_ts': {
                        table: 'sys_module'
                        id: '39536d91f48c4c99a1c9a208dbfa2efe'
                    }
                    'src_server_shared_policy-types_ts': {
                        table: 'sys_module'
                        id: 'e2fa9111ee42415e8ce0550e7910d641'
                    }
                    src_server_shared_schema_ts: {
                        table: 'sys_module'
                        id: 'dfd1122bd5bf4a74a92ccceebeda67ed'
                    }
                }
                composite: [
                    {
                        table: 'sys_dictionary'
                        id: '025c3f3418c74e0ab72748b42dfbc16e'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'name'
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
                        table: 'sys_documentation'
                        id: '051116dae0d74ea0ba46187b087c4b67'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'active'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '09775903efbc4bf79fc9d8990cce4283'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approved_at'
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
                        id: '0c5b5760c39542648a0c33d9ee108ce6'
                        key: {
                            name: 'x_gbg_breakglass_executor'
                            element: 'version'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '0fadf3fbe2d742beb752b5987b53285d'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_group_id'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '13617ed1550d4665a3599edcc376dc88'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoked_at'
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
                        table: 'sys_dictionary'
                        id: '15161c3bbf884cca84103bee7816ea22'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'expires_at'
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
                        table: 'sys_dictionary'
                        id: '17005cf65e164beb99ea2ca98ebf93ce'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'requested_by'
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
                        table: 'sys_documentation'
                        id: '1aa01f84f7e04ccfb53b46c485bab8cd'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_role_id'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '1bcd047809814876a80943bd1431be2f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'last_error'
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
                        table: 'sys_documentation'
                        id: '203cb030488344feb01086a90639ff07'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '21baf56b137345f982dd1664877b109e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'blocked_users'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '24fe0db04c954250bbefec273ff4b2f2'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'requested_duration'
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
                        table: 'sys_dictionary'
                        id: '27bd4225979346c497c797aabd6f1947'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'actor'
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
                        table: 'sys_dictionary'
                        id: '2cba11d7c18446218fd92684df734c4e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'change_required_for_servers'
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
                        table: 'sys_dictionary'
                        id: '2f7e12f889b5482096093bccc41d9e20'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approved_duration'
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
                        table: 'sys_dictionary'
                        id: '33fd712601cb46788eb92b4347f09546'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'active'
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
                        table: 'sys_choice_set'
                        id: '3970eb21d5aa4b68adb422d1963c3855'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
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
                        table: 'sys_db_object'
                        id: '3d6aff8c4cbb427c946d535878b52d01'
                        key: {
                            name: 'x_gbg_breakglass_policy'
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
                        id: '41996a90301445d58892910a48f3767d'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'allowed_roles'
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
                        table: 'sys_documentation'
                        id: '47d40ed82e764c02b431e9dac19752b2'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'priority'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '495a9dae2ea84dcc8d62de8810098808'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'corp_managed_only'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '4bf769f3d4d24d64a1af0d8e1c3e92a6'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'lease_owner'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '53ff41c8e4574f6bb94bc2dd1119dedd'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'not_before'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '56ae8d29f41646e5a2fbf1ece69eaf92'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'approval_timeout_minutes'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '594b5c4182cc4f2e8d484e058dfea03c'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'number'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '59d3daafebf24228a00ed59db8e0732f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_account'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '5cb1260db0b3416fb9b7ad0345960987'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'auto_approve_rules'
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
                        table: 'sys_documentation'
                        id: '611110b3767b4712a7113ca13d1b101e'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'result'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '64745871b2ad409fb9c674b7b2869234'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'occurred_at'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: '6d3c75d6b9a844f1a8d5ad66c6e8e0c3'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'max_attempts'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '6df12fc5999e479e9a306984e7a8036d'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'max_attempts'
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
                        table: 'sys_documentation'
                        id: '750eb098fedb49098cc4c8ec09c663b0'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'NULL'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '7b002b3e5433414bb20e2889c4909876'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'completed_at'
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
                        table: 'sys_dictionary'
                        id: '8031f17bca0c41938496772a85e96cff'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan'
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
                        table: 'sys_index'
                        id: '84615253dd4942c99cc4f592d487b926'
                        key: {
                            logical_table_name: 'x_gbg_breakglass_action'
                            col_name_string: 'state,not_before,priority'
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
                        table: 'sys_documentation'
                        id: '8b84da634fd44b59a2c7f97caba97385'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'lease_until'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: '8ef1ef57560f4c09b7f02d0844c3c905'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_role_id'
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
                        table: 'sys_dictionary'
                        id: '910c1137e2fe4cda803d3d465a35ddce'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'not_before'
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
                        table: 'sys_dictionary'
                        id: '99e56e62378545a39c55806b7594641d'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
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
                        table: 'sys_number'
                        id: '9ca2d6c52b694c5da1e14c9a10782ba3'
                        key: {
                            category: 'x_gbg_breakglass_action'
                            prefix: 'BGQ'
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
                        table: 'sys_documentation'
                        id: 'a091366e578243c596b8bf65d14c0b7f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'revoked_at'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: 'a32293709444489c82c069f5b2df5185'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'last_error'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: 'a3f79690f2194e44acfece0eef6e33bf'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_ci'
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
                        table: 'sys_documentation'
                        id: 'a754a2c574bd4c429bca1c576b0d9bd9'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'change_required_for_production'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: 'a94940af5ec14d4384e776fde239530e'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'emergency_max_duration'
                            language: 'en'
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
                        table: 'sys_choice_set'
                        id: 'aea91331c8444a838ec66b6cfbcb80f5'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
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
                        table: 'sys_documentation'
                        id: 'b2e2f591d80c41d5ae90fa3dbc105597'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'plan'
                            language: 'en'
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
                        id: 'b7be11e52e2f43da89b9c8a6b4a6f72f'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'change_required_for_servers'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: 'bd76b2d8be50440faf0e0f94951f7f2b'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'approval_summary'
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
                        table: 'sys_documentation'
                        id: 'c0554602e88e476e9cca4ec4836240a2'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'reason'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: 'c542905773b14c0e8196fc05bed5bea2'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'NULL'
                            language: 'en'
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
                        table: 'sys_user_role'
                        id: 'c79390b875864645aede368499b11f7d'
                        key: {
                            name: 'x_gbg_breakglass.agent'
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
                        table: 'sys_dictionary'
                        id: 'c95bd5ee3c6f41dea248a2d0e3df61e4'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
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
                        table: 'sys_dictionary'
                        id: 'cc403709c98c49de9efa24450019557f'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'business_hours'
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
                        table: 'sys_dictionary'
                        id: 'cd161936e0904d5a8082d11fbf4f4e76'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'lease_owner'
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
                        table: 'sys_user_role'
                        id: 'cde9e979b8c544b6aed2f179fbd35bd9'
                        key: {
                            name: 'x_gbg_breakglass.executor'
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
                        table: 'sys_documentation'
                        id: 'd00d4b646644498aa1e5bb06a0c7e6d2'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'incident_required_for_emergency'
                            language: 'en'
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
                        table: 'sys_choice_set'
                        id: 'd17386dec4a646b39e0cf51774cbe159'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'state'
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
                        table: 'sys_dictionary'
                        id: 'd3d507de3709497a919c63982243ee54'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'incident_required_for_emergency'
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
                        table: 'sys_dictionary'
                        id: 'dbeadfa7ad2b4dd8b1ab3c2b48441fd3'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'name'
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
                        table: 'sys_dictionary'
                        id: 'dde5c04ffb2d432f8301744a28632b6c'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'sequence'
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
                        table: 'sys_documentation'
                        id: 'dfaf427b292545aea7035d5e044aa13e'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'granted_at'
                            language: 'en'
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
                        id: 'e90ed95c697745dca890828f7b28a279'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'emergency_max_duration'
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
                        table: 'sys_documentation'
                        id: 'e9eb7e6907ef4793b020f5becfb1eac9'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'name'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: 'eb90bc6399e64dda9a8fb3c901f83d68'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'second_approver_rules'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: 'ed1b15c4e05640579d3386e5323b25e9'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'opened_by'
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
                        table: 'sys_dictionary'
                        id: 'edc9482bfd434a7880845f721e3b44ee'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'prev_hash'
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
                        table: 'sys_documentation'
                        id: 'f07eb26dfa7a456b98b88780ccff3b08'
                        key: {
                            name: 'x_gbg_breakglass_action'
                            element: 'type'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: 'f2710600634e48f5b1a6c30b6a0bbb75'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'provider'
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
                        table: 'sys_documentation'
                        id: 'f3507261892f4855bf7d6cc4aec535a4'
                        key: {
                            name: 'x_gbg_breakglass_policy'
                            element: 'max_duration'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: 'f475ba88465541f19a29d8a301f24065'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'target_role_name'
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
                        table: 'sys_dictionary'
                        id: 'f72a790718104d77985852c12be2150a'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'state'
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
                        table: 'sys_documentation'
                        id: 'f8767261c6c24cfeab270919d20bf7b6'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'grant'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: 'fa10acfb968b48668425a8dcff78c50f'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'executor_instance'
                            language: 'en'
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
                        table: 'sys_documentation'
                        id: 'fafab089e2ca474c9a3b2e49e0480017'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'change_request'
                            language: 'en'
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
                        table: 'sys_dictionary'
                        id: 'fd32856e45cc412db3f52a5586c0b968'
                        key: {
                            name: 'x_gbg_breakglass_audit_event'
                            element: 'hash'
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
                        table: 'sys_documentation'
                        id: 'feeb9d5258574d2ba05c1f88f0ccebe3'
                        key: {
                            name: 'x_gbg_breakglass_grant'
                            element: 'ritm'
                            language: 'en'
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
