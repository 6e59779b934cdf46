import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// How to run the playground server.
public struct PlaygroundServerConfiguration: Sendable {
    /// The address to listen on; the loopback address by default, so only this machine can reach the server.
    public var host = "127.0.0.1"
    /// The port to listen on; 0 asks the system for a free one (`onRunning` reports it).
    public var port = 8080
    /// Sizes, counts and times the server bounds, each with its default.
    public var limits = PlaygroundLimits()
    /// Host names besides IP addresses and localhost that may reach the server (DNS-rebinding check).
    public var allowedHosts: [String] = []
    /// The experiments report folder (`activations report -o DIR`), served under /experiments/.
    public var experimentsDirectory: URL?
    /// The experiments the Experiments tab runs on demand, by id (nil: all of them; unknown ids are skipped).
    var quickExperiments: [String]?
    /// Where the server logs (tests read it); nil: Hummingbird's logger, at the `LOG_LEVEL` or info.
    var logger: Logger?
    /// Called with the address once the server listens (the real port when 0 was asked for).
    public var onRunning: @Sendable (String) -> Void = { _ in }

    /// The defaults: 127.0.0.1:8080 with the default limits.
    public init() {}

    /// Whether only this machine can reach the server.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }

    /// `http://host:port`, with brackets around an IPv6 address.
    public func address(port: Int) -> String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}

/// The playground web app: the page, the catalog, the sessions API and their frame streams.
/// Tests drive the returned application's router without a socket (`app.test(.router)`).
public func buildApplication(
    _ configuration: PlaygroundServerConfiguration = PlaygroundServerConfiguration(),
    store: SessionStore? = nil
) -> some ApplicationProtocol {
    let store = store ?? SessionStore(limits: configuration.limits)
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    let requestGuard = RequestGuard(allowedHosts: configuration.allowedHosts + [configuration.host])
    router.add(middleware: requestGuard)
    PageRoutes(
        experiments: configuration.experimentsDirectory, quickReport: QuickReport(ids: configuration.quickExperiments),
        limits: configuration.limits
    ).add(to: router)
    SessionRoutes(store: store).add(to: router)
    router.answerOtherMethodsWith405()
    let onRunning = configuration.onRunning
    let limits = configuration.limits
    let connections = Occupancy(limit: limits.maxConnections)
    return Application(
        router: router,
        // HTTP/1.1, and the frame socket (FrameSocket) when a connection's first request is its handshake.
        server: HTTPServerBuilder { responder in
            PlaygroundChannel(
                responder: responder,
                http1: .init(
                    additionalChannelHandlers: [
                        ConnectionLimitHandler(count: connections), MalformedRequestReply(), ClosingAnswer(),
                        RequestDeadlineHandler(
                            seconds: limits.requestBodySeconds, idleSeconds: limits.idleConnectionSeconds),
                    ],
                    idleTimeout: .milliseconds(Int64(limits.idleConnectionSeconds * 1000))),
                store: store, requestGuard: requestGuard, connections: connections,
                idleSeconds: limits.idleConnectionSeconds)
        },
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "ActivationLab",
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections * 2)),
        onServerRunning: { channel in
            onRunning(configuration.address(port: channel.localAddress?.port ?? configuration.port))
        },
        logger: configuration.logger)
}

/// Runs the playground until SIGINT or SIGTERM, then shuts down: open streams end at once, and
/// whatever has not finished after 2 s (a client that stopped reading) is cancelled. A stream waiting
/// for a frame behind a long epoch returns at cancellation (`TrainingThreads.run(cancellable:)`):
/// otherwise ServiceLifecycle's second limit of 2 s ended the process with a `fatalError`.
public func runPlayground(_ configuration: PlaygroundServerConfiguration) async throws {
    let app = buildApplication(configuration)
    var group = ServiceGroupConfiguration(
        services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger)
    group.maximumGracefulShutdownDuration = .seconds(2)
    group.maximumCancellationDuration = .seconds(2)
    do { try await ServiceGroup(configuration: group).run() } catch { throw configuration.explain(error) }
}

/// Why the server could not start.
public struct PlaygroundStartError: Error, CustomStringConvertible {
    /// What went wrong and what to do, e.g. that the port is taken and how to choose another.
    public let description: String
}

extension PlaygroundServerConfiguration {
    /// `error` in the user's terms when it is a known reason for not starting.
    func explain(_ error: any Error) -> any Error {
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {  // "999.1.1.1" was printed raw
            return PlaygroundStartError(
                description:
                    "cannot listen on '\(host)': it is neither an IP address nor a name this machine can resolve; use "
                    + "127.0.0.1 (this machine only) or 0.0.0.0 (every network)")
        }
        guard let io = error as? IOError else { return error }
        switch io.errnoCode {
        case EADDRINUSE:
            return PlaygroundStartError(
                description:
                    "port \(port) on \(host) is already in use (another server?); stop it, or choose another port with --port (0 picks a free one)"
            )
        case EADDRNOTAVAIL:
            return PlaygroundStartError(
                description:
                    "\(host) is not an address of this machine; use 127.0.0.1 (this machine only) or 0.0.0.0 (every network)"
            )
        case EACCES:
            return PlaygroundStartError(
                description:
                    "no permission to listen on port \(port); ports below 1024 need privileges, so use 8080 or another above 1023"
            )
        default: return error
        }
    }
}
