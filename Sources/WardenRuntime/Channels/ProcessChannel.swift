import DequeModule
import WardenSync
import WardenValue

/// A process's receiving end: the inbox, the events channel or a `listen` topic channel.
///
/// Elements arrive in delivery order. Receiving suspends until an element arrives; once the
/// channel is closed (unlisten, process exit) the remaining elements can still be received and
/// then the sequence ends. A cancelled task (a terminated process) receives `nil` at once.
public final class ProcessChannel<Element: Sendable>: Sendable, AsyncSequence {
    /// The topic of a `listen` channel; `nil` for the inbox and the events channel.
    public let topic: String?

    @usableFromInline
    struct Waiter {
        @usableFromInline let id: UInt64
        @usableFromInline let continuation: UnsafeContinuation<Element?, Never>

        @inlinable
        init(id: UInt64, continuation: UnsafeContinuation<Element?, Never>) {
            self.id = id
            self.continuation = continuation
        }
    }

    @usableFromInline
    struct State {
        @usableFromInline var buffer = Deque<Element>()
        /// The first waiting receiver (the usual and only one: a process reading its channel).
        @usableFromInline var waiter: Waiter?
        /// Further waiting receivers, oldest first.
        @usableFromInline var moreWaiters: [Waiter] = []
        @usableFromInline var nextWaiterID: UInt64 = 0
        @usableFromInline var closed = false

        @inlinable
        init() {}

        /// Queues a receiver behind those already waiting.
        @inlinable
        mutating func addWaiter(_ waiter: Waiter) {
            if self.waiter == nil { self.waiter = waiter } else { moreWaiters.append(waiter) }
        }

        /// Removes and returns the oldest waiting receiver.
        @inlinable
        mutating func takeWaiter() -> Waiter? {
            guard let first = waiter else { return nil }
            waiter = moreWaiters.isEmpty ? nil : moreWaiters.removeFirst()
            return first
        }

        /// Removes the receiver with `id`, if it is still waiting.
        @inlinable
        mutating func removeWaiter(id: UInt64) -> Waiter? {
            if let first = waiter, first.id == id {
                waiter = moreWaiters.isEmpty ? nil : moreWaiters.removeFirst()
                return first
            }
            guard let index = moreWaiters.firstIndex(where: { $0.id == id }) else { return nil }
            return moreWaiters.remove(at: index)
        }

    }

    @usableFromInline let state = Locked(State())

    /// Creates an open, empty channel. Runtimes create channels; process code receives them.
    public init(topic: String? = nil) {
        self.topic = topic
    }

    // MARK: Receiving

    /// The next element, waiting for one if needed; `nil` once the channel is closed and
    /// drained.
    ///
    /// A waiting receive ends when an element arrives or the channel closes (the runtime closes
    /// a process's channels when it exits, which is how a terminated process's receives end).
    /// It does not watch task cancellation, which keeps the waiting frame small; a task that is
    /// already cancelled gets `nil` at once. Use ``receive(timeout:)`` to bound the wait.
    @inlinable
    nonisolated(nonsending) public func receive() async -> Element? {
        if let ready = tryReceiveOrClosed() { return ready.element }
        if Task.isCancelled { return nil }
        return await withUnsafeContinuation { (continuation: UnsafeContinuation<Element?, Never>) in
            let immediate: Element?? = state.withLock { s in
                if let element = s.buffer.popFirst() { return .some(element) }
                if s.closed { return .some(nil) }
                s.nextWaiterID &+= 1
                s.addWaiter(Waiter(id: s.nextWaiterID, continuation: continuation))
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    /// Like ``receive()``, but gives up and returns `nil` after `timeout` or when the waiting
    /// task is cancelled. An element that arrives as the timeout fires is either returned or
    /// left in the channel, never lost.
    nonisolated(nonsending) public func receive(timeout: Duration) async -> Element? {
        if let ready = tryReceiveOrClosed() { return ready.element }
        let id = state.withLock { s -> UInt64 in
            s.nextWaiterID &+= 1
            return s.nextWaiterID
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.abandon(waiter: id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Element?, Never>) in
                let immediate: Element?? = state.withLock { s in
                    if let element = s.buffer.popFirst() { return .some(element) }
                    if s.closed || Task.isCancelled { return .some(nil) }
                    s.addWaiter(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            self.abandon(waiter: id)
        }
    }

    /// The next element if one is buffered, without waiting.
    @inlinable
    public func tryReceive() -> Element? {
        state.withLock { $0.buffer.popFirst() }
    }

    /// Whether the channel was closed (elements may still be buffered).
    @inlinable
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// How many elements are buffered.
    @inlinable
    public var count: Int { state.withLock { $0.buffer.count } }

    @inlinable
    func tryReceiveOrClosed() -> (element: Element?, Void)? {
        state.withLock { s in
            if let element = s.buffer.popFirst() { return (element, ()) }
            if s.closed { return (nil, ()) }
            return nil
        }
    }

    private func abandon(waiter id: UInt64) {
        let waiter = state.withLock { $0.removeWaiter(id: id) }
        waiter?.continuation.resume(returning: nil)
    }

    // MARK: Runtime side

    /// Delivers `element` to a waiting receiver or the buffer; `false` when the channel is closed.
    @inlinable
    @discardableResult
    public func deliver(_ element: Element) -> Bool {
        let waiter = state.withLock { s -> UnsafeContinuation<Element?, Never>?? in
            if s.closed { return nil }
            if let waiter = s.takeWaiter() { return .some(waiter.continuation) }
            s.buffer.append(element)
            return .some(nil)
        }
        guard let waiter else { return false }
        waiter?.resume(returning: element)
        return true
    }

    /// Stops deliveries; receivers drain what is buffered, then the sequence ends. With
    /// `discarding`, buffered elements are dropped too.
    @inlinable
    public func close(discarding: Bool = false) {
        let (first, more) = state.withLock { s -> (Waiter?, [Waiter]) in
            s.closed = true
            if discarding { s.buffer.removeAll() }
            let waiting = (s.waiter, s.moreWaiters)
            s.waiter = nil
            s.moreWaiters = []
            return waiting
        }
        first?.continuation.resume(returning: nil)
        for waiter in more { waiter.continuation.resume(returning: nil) }
    }

    // MARK: AsyncSequence

    /// Iterates with ``receive()`` until the channel ends.
    public struct AsyncIterator: AsyncIteratorProtocol {
        @usableFromInline let channel: ProcessChannel<Element>

        @inlinable
        init(channel: ProcessChannel<Element>) {
            self.channel = channel
        }

        /// The next element, or `nil` when the channel ended.
        @inlinable
        nonisolated(nonsending) public mutating func next() async -> Element? {
            await channel.receive()
        }
    }

    /// An iterator over this channel.
    @inlinable
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: self)
    }
}
