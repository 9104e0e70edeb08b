/**
 * The one place where a test emulator opens and closes its server: bind (127.0.0.1 and any free port unless
 * told), report the base URL, and close without hanging on keep-alive connections.
 *
 * Test / dev code only.
 */
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

/** Options of {@link listen}. */
export interface ListenOptions {
    /** @defaultValue 0 (any free port) */
    port?: number
    /** @defaultValue '127.0.0.1' */
    host?: string
    /** Serve HTTPS with this certificate and key (PEM) instead of plain HTTP. */
    tls?: { certPem: string; keyPem: string }
}

/** A listening server. */
export interface Listening {
    server: HttpServer | HttpsServer
    /** Base URL, `http://HOST:PORT` (`https:` with `tls`), no trailing slash. */
    url: string
    port: number
    /**
     * Stops accepting connections and destroys every open one (idle keep-alive sockets and requests still in
     * flight alike), so that closing never waits on a client. Resolves once the server is closed; calling it
     * again returns the same promise.
     */
    close(): Promise<void>
}

/** Serves `handler` (a Node request listener, e.g. an express app) on `host:port`. */
export async function listen(handler: RequestListener, options: ListenOptions = {}): Promise<Listening> {
    const host = options.host ?? '127.0.0.1'
    const server = options.tls
        ? createHttpsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handler)
        : createHttpServer(handler)
    const sockets = new Set<Socket>()
    server.on('connection', (socket: Socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
    })
    // A TLS socket opened by the client and abandoned (timeouts) must not keep the server alive.
    if (options.tls) server.on('secureConnection', (socket: Socket) => socket.on('error', () => undefined))

    await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(options.port ?? 0, host, () => {
            server.off('error', reject)
            resolve()
        })
    })
    const { port } = server.address() as AddressInfo

    let closed: Promise<void> | undefined
    return {
        server,
        url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
        port,
        close() {
            closed ??= new Promise<void>((resolve, reject) => {
                server.close((error) => (error ? reject(error) : resolve()))
                for (const socket of sockets) socket.destroy()
            })
            return closed
        },
    }
}
