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
    private var batch: [AuditReadRecord] = []
    private var position = 0
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
                    if !records.isEmpty, !channel.send(.records(records)) { return }
                    _ = channel.send(.failed(error))
                    return
                }
                guard let record = next else { break }
                records.append(record)
                if records.count == size {
                    guard channel.send(.records(records)) else { return }
                    records.removeAll(keepingCapacity: true)
                }
            }
            if !records.isEmpty, !channel.send(.records(records)) { return }
            _ = channel.send(.end)
        }
        thread.name = "warden-audit-read-ahead"
        thread.start()
    }

    deinit {
        // Stop the reader (a send in progress returns at once) and wait, so the files or the
        // database it holds are closed when the consumer is done.
        channel.cancel()
        channel.waitForProducer()
    }

    func next() throws(AuditReadError) -> AuditReadRecord? {
        while position == batch.count {
            guard !finished else { return nil }
            switch channel.receive() {
            case .records(let records):
                batch = records
                position = 0
            case .failed(let error):
                finished = true
                throw error
            case .end:
                finished = true
                return nil
            }
        }
        position += 1
        return batch[position - 1]
    }
}
