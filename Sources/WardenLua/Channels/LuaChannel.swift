/// A channel as Lua code sees it: `channel.new(size)`, or a process channel (inbox, events,
/// listen) whose elements are drawn from the runtime when a coroutine waits on it.
///
/// Only the driver of its process touches it (one task at a time), so it needs no lock.
/// Buffered channels block senders when full; `size` 0 is an unbuffered channel whose sender
/// waits for a receiver. Receivers drain what is buffered after close, then get `nil, false`.
final class LuaChannel {
    /// How many items the buffer holds; `Int.max` for a process channel.
    let capacity: Int
    /// The runtime channel behind a process channel; `nil` for a local one.
    let source: ExternalSource?
    /// The topic of a `listen` channel.
    let topic: String?

    private(set) var buffer: [ChannelItem] = []
    private var head = 0
    var receivers: [(wait: SelectWait, caseIndex: Int)] = []
    var senders: [(wait: SelectWait, caseIndex: Int, item: ChannelItem)] = []
    private(set) var closed = false
    /// Whether a task is drawing the next element from ``source``.
    var pumping = false
    /// The registry reference of the one channel object standing for a process channel, so that
    /// `process.inbox()` and a repeated `listen` return the same Lua object.
    var objectReference: Int32?
    /// Releases Lua references still buffered when the channel is collected.
    var releaseReference: ((Int32) -> Void)?

    init(capacity: Int, source: ExternalSource? = nil, topic: String? = nil) {
        self.capacity = capacity
        self.source = source
        self.topic = topic
    }

    deinit {
        guard let releaseReference else { return }
        for index in head..<buffer.count {
            if case .lua(let reference) = buffer[index] { releaseReference(reference) }
        }
        for sender in senders {
            if case .lua(let reference) = sender.item { releaseReference(reference) }
        }
    }

    var bufferedCount: Int { buffer.count - head }

    /// The runtime channel behind a process channel (itself for a local channel).
    var sourceObject: AnyObject { source?.object ?? self }

    func append(_ item: ChannelItem) { buffer.append(item) }

    func popFirst() -> ChannelItem? {
        guard head < buffer.count else { return nil }
        let item = buffer[head]
        head += 1
        if head > 32, head * 2 > buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
        return item
    }

    func markClosed() { closed = true }

    /// Removes every entry of `wait` from this channel's waiting lists.
    func remove(_ wait: SelectWait) {
        receivers.removeAll { $0.wait === wait }
        senders.removeAll { $0.wait === wait }
    }

    /// The first receiver still waiting.
    func takeReceiver() -> (wait: SelectWait, caseIndex: Int)? {
        while !receivers.isEmpty {
            let first = receivers.removeFirst()
            if !first.wait.done { return first }
        }
        return nil
    }

    /// The first sender still waiting.
    func takeSender() -> (wait: SelectWait, caseIndex: Int, item: ChannelItem)? {
        while !senders.isEmpty {
            let first = senders.removeFirst()
            if !first.wait.done { return first }
        }
        return nil
    }
}
