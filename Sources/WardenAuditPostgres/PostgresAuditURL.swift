import Foundation
import PostgresNIO

/// A `postgres://user[:password]@host[:port]/database` URL, parsed into a connection
/// configuration. `?host=/run/postgresql` (libpq's spelling) or a host starting with `/` selects
/// a unix socket in that folder; the password may also come from `PGPASSWORD`.
/// `connect_timeout=SECONDS` (libpq's spelling) bounds connecting and logging in, and
/// `statement_timeout=SECONDS` bounds each statement the writer or a review command waits for
/// (a stalled network or server turns into an error, and the connection is dropped).
public struct PostgresAuditURL: Sendable, Hashable, CustomStringConvertible {
    /// The user name.
    public let user: String
    /// The password, when given.
    let password: String?
    /// The TCP host, or `nil` for a unix socket.
    public let host: String?
    /// The port (also names the socket file).
    public let port: Int
    /// The unix socket folder, when connecting through one.
    public let socketDirectory: String?
    /// The database name.
    public let database: String
    /// How long connecting (and logging in) may take, when the URL says (`connect_timeout`);
    /// otherwise the user's default applies (10 s).
    public let connectTimeout: Duration?
    /// How long one statement may take before the connection is closed, when the URL says
    /// (`statement_timeout`); otherwise the user's default applies (30 s for the sink, 300 s for
    /// the review commands).
    public let statementTimeout: Duration?

    /// Whether `text` is meant as a PostgreSQL URL (`postgres://` or `postgresql://`) rather
    /// than a file path.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `text`.
    /// - Throws: ``PostgresAuditError`` (`.invalidURL`) naming what is missing or wrong.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PostgresAuditError)
    {
        func invalid(_ why: String) -> PostgresAuditError {
            PostgresAuditError(
                .invalidURL,
                "invalid PostgreSQL URL `\(Self.redacted(text))`: \(why); expected `postgres://user@host:port/database` "
                    + "(or `postgres://user@/database?host=/socket/folder`)")
        }
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw invalid("it does not parse as a URL")
        }
        guard let user = components.user, !user.isEmpty else { throw invalid("it names no user") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw invalid("it names no database (the path after the host)")
        }
        var socketDirectory: String?
        var connectTimeout: Duration?
        var statementTimeout: Duration?
        func seconds(_ item: URLQueryItem) throws(PostgresAuditError) -> Duration {
            guard let text = item.value, let value = Double(text), value.isFinite, value > 0, value <= 86_400 else {
                throw invalid(
                    "`\(item.name)=\(item.value ?? "")` must be a number of seconds between 0 and 86400, e.g. `\(item.name)=5` or `0.5`"
                )
            }
            return .milliseconds(max(1, Int64((value * 1000).rounded())))
        }
        for item in components.queryItems ?? [] {
            switch item.name {
            case "host":
                guard let value = item.value, value.hasPrefix("/") else {
                    throw invalid("`host=` must name a socket folder (an absolute path)")
                }
                socketDirectory = value
            case "sslmode":
                guard item.value == "disable" else {
                    throw invalid(
                        "`sslmode=\(item.value ?? "")` is not supported: only `sslmode=disable` (TLS is not built in yet; use a unix socket or a trusted network)"
                    )
                }
            case "connect_timeout":
                connectTimeout = try seconds(item)
            case "statement_timeout":
                statementTimeout = try seconds(item)
            default:
                throw invalid(
                    "unknown parameter `\(item.name)` (known: `host`, `sslmode`, `connect_timeout`, `statement_timeout`)"
                )
            }
        }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 }
        if let host, host.hasPrefix("/") { socketDirectory = host }
        if socketDirectory == nil, host == nil { throw invalid("it names no host") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw invalid("the port is out of range") }
        self.user = user
        self.password = components.password ?? environment["PGPASSWORD"]
        self.host = socketDirectory == nil ? host : nil
        self.port = port
        self.socketDirectory = socketDirectory
        self.database = database
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
    }

    /// The URL without its password, for messages.
    public var description: String {
        if let socketDirectory { return "postgres://\(user)@/\(database)?host=\(socketDirectory)" }
        return "postgres://\(user)@\(host ?? ""):\(port)/\(database)"
    }

    /// The connection configuration, with `connectTimeout`.
    func configuration(connectTimeout: TimeAmount) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketDirectory {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            configuration = PostgresConnection.Configuration(
                host: host ?? "localhost", port: port, username: user, password: password, database: database,
                tls: .disable)
        }
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
