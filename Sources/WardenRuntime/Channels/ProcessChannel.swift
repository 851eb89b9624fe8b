import WardenValue

/// A process's receiving end: the inbox, the events channel or a `listen` topic channel.
///
/// Elements arrive in delivery order. Receiving suspends until an element arrives; once the
/// channel is closed (unlisten, process exit) the remaining elements can still be received and
/// then the sequence ends. A cancelled task (a terminated process) receives `nil` at once.
public final class ProcessChannel<Element: Sendable>: Sendable, AsyncSequence {
    /// The topic of a `listen` channel; `nil` for the inbox and the events channel.
    public let topic: String?

    private struct Waiter {
        let id: UInt64
        let continuation: UnsafeContinuation<Element?, Never>
    }

    private struct State {
        var buffer = RingBuffer<Element>()
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var closed = false
    }

    private let state = Locked(State())

    /// Creates an open, empty channel. Runtimes create channels; process code receives them.
    public init(topic: String? = nil) {
        self.topic = topic
    }

    // MARK: Receiving

    /// The next element, waiting for one if needed; `nil` once the channel is closed and
    /// drained, or when the current task is cancelled.
    public func receive() async -> Element? {
        if let ready = tryReceiveOrClosed() { return ready.element }
        if Task.isCancelled { return nil }
        let id = state.withLock { s -> UInt64 in
            s.nextWaiterID &+= 1
            return s.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Element?, Never>) in
                let immediate: Element?? = state.withLock { s in
                    if let element = s.buffer.popFirst() { return .some(element) }
                    if s.closed { return .some(nil) }
                    s.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            self.abandon(waiter: id)
        }
    }

    /// Like ``receive()``, but gives up and returns `nil` after `timeout`.
    public func receive(timeout: Duration) async -> Element? {
        if let ready = tryReceiveOrClosed() { return ready.element }
        return await withTaskGroup(of: Element?.self) { group in
            group.addTask { await self.receive() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            // A receive that won the race against cancellation must not lose its element.
            if first == nil, let late = await group.next() ?? nil { return late }
            return first
        }
    }

    /// The next element if one is buffered, without waiting.
    public func tryReceive() -> Element? {
        state.withLock { $0.buffer.popFirst() }
    }

    /// Whether the channel was closed (elements may still be buffered).
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// How many elements are buffered.
    public var count: Int { state.withLock { $0.buffer.count } }

    private func tryReceiveOrClosed() -> (element: Element?, Void)? {
        state.withLock { s in
            if let element = s.buffer.popFirst() { return (element, ()) }
            if s.closed { return (nil, ()) }
            return nil
        }
    }

    private func abandon(waiter id: UInt64) {
        let continuation = state.withLock { s -> UnsafeContinuation<Element?, Never>? in
            guard let index = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return s.waiters.remove(at: index).continuation
        }
        continuation?.resume(returning: nil)
    }

    // MARK: Runtime side

    /// Delivers `element` to a waiting receiver or the buffer; `false` when the channel is closed.
    @discardableResult
    public func deliver(_ element: Element) -> Bool {
        let waiter = state.withLock { s -> UnsafeContinuation<Element?, Never>?? in
            if s.closed { return nil }
            if !s.waiters.isEmpty { return .some(s.waiters.removeFirst().continuation) }
            s.buffer.append(element)
            return .some(nil)
        }
        guard let waiter else { return false }
        waiter?.resume(returning: element)
        return true
    }

    /// Stops deliveries; receivers drain what is buffered, then the sequence ends. With
    /// `discarding`, buffered elements are dropped too.
    public func close(discarding: Bool = false) {
        let waiters = state.withLock { s -> [Waiter] in
            s.closed = true
            if discarding { s.buffer.removeAll() }
            let waiting = s.waiters
            s.waiters = []
            return waiting
        }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }

    /// Removes and returns every buffered element, oldest first.
    public func drain() -> [Element] {
        state.withLock { s in
            var drained: [Element] = []
            drained.reserveCapacity(s.buffer.count)
            while let element = s.buffer.popFirst() { drained.append(element) }
            return drained
        }
    }

    // MARK: AsyncSequence

    /// Iterates with ``receive()`` until the channel ends.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: ProcessChannel<Element>

        /// The next element, or `nil` when the channel ended.
        public mutating func next() async -> Element? {
            await channel.receive()
        }
    }

    /// An iterator over this channel.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: self)
    }
}
