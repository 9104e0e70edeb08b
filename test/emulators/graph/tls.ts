/**
 * Throw-away certificates for the Graph emulator. MSAL refuses an `http:` authority (msal-common
 * `authority_uri_insecure`), so the emulator serves HTTPS with a self-signed certificate made at start-up; the
 * client trusts it through its `caCertificatePem` option. Also used to make a client certificate for the
 * certificate-credential (client assertion) tests. Generated with the `openssl` CLI into a temp dir that is
 * removed at once: nothing is written into the repository.
 *
 * Test / dev code only.
 */
import { execFileSync } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A PEM certificate and its unencrypted private key. */
export interface TestCertificate {
    certPem: string
    keyPem: string
    /** SHA-256 thumbprint of the DER certificate, hex (what Entra shows and MSAL's `thumbprintSha256` takes). */
    thumbprintSha256: string
}

let serverCert: TestCertificate | undefined

/** Create a self-signed certificate. `serverName` adds localhost / 127.0.0.1 subject alternative names. */
export function createTestCertificate(commonName: string, serverName = false): TestCertificate {
    const dir = mkdtempSync(join(tmpdir(), 'gbg-graph-cert-'))
    try {
        const keyFile = join(dir, 'key.pem')
        const certFile = join(dir, 'cert.pem')
        const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile]
        args.push('-days', '2', '-subj', `/CN=${commonName}`)
        if (serverName) args.push('-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost')
        execFileSync('openssl', args, { stdio: 'ignore' })
        const certPem = readFileSync(certFile, 'utf8')
        const keyPem = readFileSync(keyFile, 'utf8')
        return { certPem, keyPem, thumbprintSha256: thumbprintSha256(certPem) }
    } finally {
        rmSync(dir, { recursive: true, force: true })
    }
}

/** SHA-256 thumbprint (hex, upper case) of a PEM certificate. */
export function thumbprintSha256(certPem: string): string {
    return createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex').toUpperCase()
}

/** The emulator's server certificate, made once per process (RSA key generation costs ~100 ms). */
export function emulatorServerCertificate(): TestCertificate {
    serverCert ??= createTestCertificate('graph-emulator.localhost', true)
    return serverCert
}
