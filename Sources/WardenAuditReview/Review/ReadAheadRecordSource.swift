import Foundation

/// Runs another record source on a thread of its own, a few batches ahead of the consumer, so
/// reading and parsing records overlaps with what the consumer does with them (a replay
/// evaluates policies). The records, their order and any error (after the records before it)
/// are exactly the wrapped source's.
final class ReadAheadRecordSource: RecordSource {
    private enum Message: Sendable {
        case records([AuditReadRecord])
        case failed(AuditReadError)
        case end
    }

    /// Hands a source to the reading thread, which then owns it alone.
    private final class Handover: @unchecked Sendable {
        // Safe: the consumer never touches the source again once the thread has it.
        let source: any RecordSource
        init(_ source: any RecordSource) { self.source = source }
    }

    private let channel: HandOffChannel<Message>
    /// The current batch, last record first.
    private var batch: [AuditReadRecord] = []
    private var finished = false

    /// Starts reading `source` on a new thread, in batches of `batchSize` records, at most
    /// `batches` batches ahead.
    init(_ source: any RecordSource, batchSize: Int = 256, batches: Int = 8) {
        let channel = HandOffChannel<Message>(capacity: max(1, batches))
        self.channel = channel
        let handover = Handover(source)
        let size = max(1, batchSize)
        let thread = Thread {
            defer { channel.producerDone() }
            let source = handover.source
            var records: [AuditReadRecord] = []
            records.reserveCapacity(size)
            while true {
                let next: AuditReadRecord?
                do throws(AuditReadError) { next = try source.next() } catch {
                    if !records.isEmpty, !channel.send(.records(Self.handOut(&records, size))) { return }
                    _ = channel.send(.failed(error))
                    return
                }
                guard let record = next else { break }
                records.append(record)
                if records.count == size {
                    guard channel.send(.records(Self.handOut(&records, size))) else { return }
                }
            }
            if !records.isEmpty, !channel.send(.records(Self.handOut(&records, size))) { return }
            _ = channel.send(.end)
        }
        thread.name = "warden-audit-read-ahead"
        thread.start()
    }

    /// The records gathered so far, last first (so the consumer takes them with `popLast`,
    /// moving each out without copying), leaving a fresh buffer behind.
    private static func handOut(_ records: inout [AuditReadRecord], _ size: Int) -> [AuditReadRecord] {
        var out: [AuditReadRecord] = []
        out.reserveCapacity(size)
        swap(&out, &records)
        out.reverse()
        return out
    }

    deinit {
        // Stop the reader (a send in progress returns at once) and wait, so the files or the
        // database it holds are closed when the consumer is done.
        channel.cancel()
        channel.waitForProducer()
    }

    func next() throws(AuditReadError) -> AuditReadRecord? {
        while batch.isEmpty {
            guard !finished else { return nil }
            switch channel.receive() {
            case .records(let records):
                batch = records
            case .failed(let error):
                finished = true
                throw error
            case .end:
                finished = true
                return nil
            }
        }
        return batch.popLast()
    }
}
