/// A `--listen HOST:PORT` address, and whether it is loopback only.
public struct ServiceListenAddress: Sendable, Equatable {
    /// The host name or IP address.
    public var host: String
    /// The TCP port (0 picks a free one).
    public var port: Int

    /// Parses `HOST:PORT` (`[::1]:8181` for IPv6).
    /// - Throws: ``ServiceError`` (`invalid-listen`) saying what is wrong.
    public init(parsing text: String) throws(ServiceError) {
        let hint = "write `--listen 127.0.0.1:8181`"
        guard let colon = text.lastIndex(of: ":") else {
            throw ServiceError(code: "invalid-listen", message: "`--listen \(text)` has no port; \(hint)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw ServiceError(code: "invalid-listen", message: "`--listen \(text)` is not HOST:PORT; \(hint)")
        }
        self.host = host
        self.port = port
    }

    /// Whether only this machine can connect: `localhost`, `127.0.0.0/8` or `::1`.
    public var isLoopback: Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
