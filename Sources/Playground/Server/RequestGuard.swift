import Foundation
import HTTPTypes
import Hummingbird

/// Refuses what a web page on another site, or a DNS-rebinding name, could make a browser send.
///
/// - Every request's `Host` must be an IP address, `localhost` (or a name under it), or a name
///   given with `allowedHosts`: a rebinding attack needs a name of its own that points here.
/// - A request that changes state (anything but GET and HEAD) with an `Origin` header must come
///   from this server's own origin (same host and port as `Host`).
/// - Responses forbid framing by other sites and content-type sniffing.
/// - A POST or PUT must say `Content-Type: application/json` (`text/csv` for a CSV upload): a
///   cross-site form or `no-cors` fetch can only send plain text or form types, so it is refused.
struct RequestGuard: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// Extra host names that may reach the server (a classroom machine's name, say), lower-cased.
    let allowedHosts: Set<String>

    init(allowedHosts: [String]) { self.allowedHosts = Set(allowedHosts.map { $0.lowercased() }) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            try check(request)
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            // The router's own 404 has no body: say what was asked for, in the API's error shape.
            let asked = "\(request.method) \(request.uri.path.prefix(200))"
            response = try PlaygroundError(.notFound, "no page or API route answers \(asked)")
                .response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)  // with the headers below
        } catch {  // not meant to happen; a plain 500 would go out without the headers below
            context.logger.error("\(request.method) \(request.uri.path.prefix(200)) failed: \(error)")
            let body = PlaygroundError.body("the server failed to answer this request", code: "internal")
            response = Reply.bytes(body, type: "application/json; charset=utf-8", status: .internalServerError)
        }
        for field in Self.securityHeaders { response.headers[field.name] = field.value }  // set, not added twice
        return response
    }

    /// No other site may frame the page (clickjacking) or have a response read as another type: on
    /// every response, errors and the connection limit's 503 included.
    static let securityHeaders: HTTPFields = [
        HTTPField.Name("X-Frame-Options")!: "DENY", .xContentTypeOptions: "nosniff",
    ]

    private static let host = HTTPField.Name("Host")!

    func check(_ request: Request) throws(PlaygroundError) {
        let host = request.head.authority
        // The first Host becomes `authority`; a second stays among the fields. Which one a proxy or a
        // cache in between would have used is anyone's guess, so a request carrying two is refused.
        if request.headers[Self.host] != nil {
            throw PlaygroundError(.badRequest, "the request has more than one Host header")
        }
        if let host, !isAllowed(host: host) {
            let shown = String(host.prefix(100))  // what a request sent is echoed, bounded
            throw PlaygroundError(
                .forbidden,
                "the Host '\(shown)' is not this server's: use its IP address or localhost, or start it with --allowed-host \(Self.name(of: shown))"
            )
        }
        guard request.method != .get && request.method != .head else { return }
        if let origin = request.headers[.origin], origin != host.map({ "http://\($0)" }) {
            throw PlaygroundError(
                .forbidden,
                "a page at \(origin.prefix(100)) may not change this server's sessions; open the playground at http://\(host ?? "this server") itself"
            )
        }
        guard request.method == .post || request.method == .put else { return }
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
            .lowercased()
        let accepted = request.uri.path.hasSuffix("/csv") ? ["application/json", "text/csv"] : ["application/json"]
        guard let type, accepted.contains(type) else {
            throw PlaygroundError(
                .unsupportedMediaType,
                "a \(request.method) to \(request.uri.path) needs Content-Type: \(accepted.joined(separator: " or ")), got \(type ?? "none")"
            )
        }
    }

    /// Whether `host` (a Host header: name or address, then maybe `:port`) may reach the server.
    func isAllowed(host: String) -> Bool {
        let name = Self.name(of: host).lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") || allowedHosts.contains(name) { return true }
        return Self.isIPAddress(name)
    }

    /// The host part of a Host header: `[::1]:8080` → `::1`, `example.com:80` → `example.com`.
    static func name(of host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        return String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
