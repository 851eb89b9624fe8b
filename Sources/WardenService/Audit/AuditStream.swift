import Hummingbird
import ServiceLifecycle
import Synchronization
import WardenAuditReview

/// `GET /v1/audit/stream`: Server-Sent Events, one `record` event per new matching record as it
/// is written (`id:` the record id, `data:` its stored JSON line), followed with the same
/// ``AuditFollower`` as `warden audit tail -f`.
///
/// A comment line is sent when nothing happened for ``heartbeat``: a client that went away makes
/// that write fail, which ends the stream and frees its follower. The stream also ends when the
/// service shuts down, and with an `error` event when the log stops verifying.
public struct AuditStream: Sendable {
    /// How long the stream waits between looks for new records.
    public var interval: Duration = .milliseconds(200)
    /// The longest silence before a keep-alive comment.
    public var heartbeat: Duration = .seconds(2)
    /// The most existing records a client may ask for first (`backlog=N`).
    public static let maxBacklog = 1_000

    /// Streams open now, for tests and metrics.
    public let open = OpenStreamCount()

    /// Creates a stream configuration.
    public init() {}

    /// The streaming body for `review`'s source and `pairs` (the filters, `backlog`, `verify`).
    /// - Throws: ``ServiceError`` for bad parameters, before anything is sent.
    func body(_ review: AuditReview, _ pairs: [(String, String)]) throws(ServiceError) -> ResponseBody {
        let parameters = try AuditQueryParameters(pairs, allowing: ["backlog", "verify"])
        let filter = try parameters.filter()
        let backlog = try parameters.integer("backlog", default: 0, in: 0...Self.maxBacklog)
        let verifies = try parameters.verifies()
        let source = review.source
        let interval = interval
        let heartbeat = heartbeat
        let open = open
        return ResponseBody { writer in
            open.add(1)
            defer { open.add(-1) }
            let follower: any AuditRecordFollowing
            do {
                switch source {
                case .files(let paths):
                    follower = AuditFollower.file(paths.last ?? "", filter: filter, verifying: verifies)
                case .database(let path):
                    follower = try AuditFollower.database(path, filter: filter, verifying: verifies)
                case .store(let reference):
                    follower = try reference.store.follow(filter: filter, verifying: verifies)
                }
                try await Self.send(try follower.backlog(backlog), to: &writer)
                try await writer.write(ByteBuffer(string: ": following\n\n"))
                var quiet = Duration.zero
                while !Task.isCancelled, !Task.isShuttingDownGracefully {
                    try await Task.sleep(for: interval)
                    let records = try follower.poll()
                    if records.isEmpty {
                        quiet += interval
                        if quiet >= heartbeat {
                            quiet = .zero
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        }
                    } else {
                        quiet = .zero
                        try await Self.send(records, to: &writer)
                    }
                }
            } catch let error as AuditReadError {
                let failure = AuditReview.failure(error)
                try await writer.write(ByteBuffer(string: "event: error\ndata: \(failure.json)\n\n"))
            }
            try await writer.finish(nil)
        }
    }

    private static func send(_ records: [AuditReadRecord], to writer: inout any ResponseBodyWriter) async throws {
        guard !records.isEmpty else { return }
        var text = ""
        for record in records {
            text += "event: record\nid: \(record.record.id)\ndata: \(record.line)\n\n"
        }
        try await writer.write(ByteBuffer(string: text))
    }
}

/// How many audit streams are open: the streams of one service share it.
public final class OpenStreamCount: Sendable {
    private let count = Atomic<Int>(0)

    /// Creates a count at 0.
    public init() {}

    /// The number of streams open now.
    public var current: Int { count.load(ordering: .relaxed) }

    func add(_ delta: Int) { count.add(delta, ordering: .relaxed) }
}
