// Lint for the whole repo. Code that runs inside ServiceNow (now-app/src/server and the shared/ module it
// bundles) additionally gets the SDK's Rhino plugin and bans for what the platform does not support at ES2021
// (FLUENT-NOTES.md): the SDK does not check our own code for these, so lint does.
import tseslint from 'typescript-eslint'
import { fixupPluginRules } from '@eslint/compat'
import snPluginRaw from '@servicenow/eslint-plugin-sdk-app-plugin'

// The SDK plugin is written for ESLint 8 (context.getScope); the compat shim adapts it to ESLint 9.
const snPlugin = fixupPluginRules(snPluginRaw)

const snRecommended = snPluginRaw.configs.recommended.rules

export default tseslint.config(
    {
        ignores: ['**/node_modules/**', '**/dist/**', '**/target/**', '.build/**', 'now-app/src/fluent/generated/**', '**/.data/**'],
    },
    ...tseslint.configs.recommended,
    {
        rules: {
            '@typescript-eslint/no-explicit-any': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        },
    },
    {
        files: ['now-app/src/server/**/*.ts', 'shared/src/**/*.ts'],
        plugins: { '@servicenow/sdk-app-plugin': snPlugin },
        rules: {
            ...snRecommended,
            // The SDK list covers browser globals; Node's are not on the platform either.
            'no-restricted-globals': [
                ...snRecommended['no-restricted-globals'],
                'Buffer', 'process', 'require', 'module', '__dirname', '__filename', 'global',
                'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'TextEncoder', 'TextDecoder',
            ],
            // The SDK bundler resolves extensionless relative imports; the rule targets plain Rhino scripts.
            '@servicenow/sdk-app-plugin/file-extension-in-import': 'off',
            '@servicenow/sdk-app-plugin/no-async-functions': 'error',
            '@servicenow/sdk-app-plugin/no-promise': 'error',
            'no-restricted-syntax': [
                'error',
                { selector: 'PropertyDefinition > PrivateIdentifier', message: 'Private #fields are not supported on the platform.' },
                { selector: 'MethodDefinition > PrivateIdentifier', message: 'Private #methods are not supported on the platform.' },
                { selector: "NewExpression[callee.name='Function']", message: 'new Function is not allowed on the platform.' },
                { selector: "Identifier[name='Reflect']", message: 'Reflect is not supported on the platform.' },
                { selector: "Identifier[name='WeakRef']", message: 'WeakRef is not supported on the platform.' },
                { selector: 'FunctionDeclaration[generator=true][async=true]', message: 'Async generators are not supported.' },
            ],
        },
    },
)
