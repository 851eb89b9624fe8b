/// The coroutines of one process and the channel operations between them.
///
/// Used only by the process's driver task (and the Swift functions Lua calls while the driver
/// resumes a coroutine), so it needs no lock. Completing a wait puts its coroutine on the ready
/// queue with the values it resumes with.
final class LuaScheduler {
    /// The operation the running coroutine yielded for (set by the dispatcher).
    var pending: BlockingOperation?
    /// The coroutine the driver is resuming.
    var running: LuaThread?
    /// Coroutines ready to run, with what they resume with; taken out (moved, not copied) when
    /// run.
    private var ready: [(thread: LuaThread, values: ResumeValues)?] = []
    private var readyHead = 0
    /// Live coroutines (running, ready or waiting).
    var liveThreads = 0
    /// Runtime calls and pumps still running on other tasks.
    var inFlight = 0
    /// Coroutines waiting for a runtime call run on another task, by id.
    var callers: [Int: LuaThread] = [:]
    /// Process channels whose pump is running, by identity.
    var pumped: [ObjectIdentifier: LuaChannel] = [:]
    /// The pump tasks, by channel identity; each returns the element it drew.
    var pumpTasks: [ObjectIdentifier: Task<ExternalItem?, Never>] = [:]
    /// Results of runtime calls and pumps.
    let completions = CompletionQueue()
    /// Releases a registry reference of a Lua value that will never be received.
    var releaseReference: (Int32) -> Void = { _ in }
    /// Starts a pump for a process channel whose waiters found nothing buffered.
    var startPump: (LuaChannel) -> Void = { _ in }

    func makeReady(_ thread: LuaThread, with values: ResumeValues) {
        ready.append((thread, values))
    }

    func nextReady() -> (thread: LuaThread, values: ResumeValues)? {
        guard readyHead < ready.count else {
            if !ready.isEmpty {
                ready.removeAll(keepingCapacity: true)
                readyHead = 0
            }
            return nil
        }
        let entry = ready[readyHead].take()
        readyHead += 1
        return entry
    }

    var hasReady: Bool { readyHead < ready.count }

    // MARK: Channel operations

    enum SendOutcome {
        case done, closed, mustWait
    }

    /// Sends without waiting: hands the item to a waiting receiver or buffers it.
    func trySend(_ item: ChannelItem, on channel: LuaChannel) -> SendOutcome {
        if channel.closed { return .closed }
        if let receiver = channel.takeReceiver() {
            complete(receiver.wait, with: receiver.wait.received(item, ok: true, caseIndex: receiver.caseIndex))
            return .done
        }
        if channel.bufferedCount < channel.capacity {
            channel.append(item)
            return .done
        }
        return .mustWait
    }

    /// Receives without waiting: `nil` when the receiver must wait; `(nil, false)` once the
    /// channel is closed and drained.
    func tryReceive(from channel: LuaChannel) -> (item: ChannelItem?, ok: Bool)? {
        if let item = channel.popFirst() {
            if let sender = channel.takeSender() {
                channel.append(sender.item)
                complete(sender.wait, with: sender.wait.sent(caseIndex: sender.caseIndex), consumed: sender.caseIndex)
            }
            return (item, true)
        }
        if let sender = channel.takeSender() {
            complete(sender.wait, with: sender.wait.sent(caseIndex: sender.caseIndex), consumed: sender.caseIndex)
            return (sender.item, true)
        }
        if let source = channel.source, !channel.pumping, let item = source.tryReceive() {
            return (.external(item), true)
        }
        if channel.closed { return (nil, false) }
        if let source = channel.source, !channel.pumping, source.isClosed {
            channel.markClosed()
            return (nil, false)
        }
        return nil
    }

    /// Tries every case in order; the first ready one completes. `nil` when none is ready.
    func trySelect(_ cases: [SelectWait.Case]) -> (index: Int, item: ChannelItem?, ok: Bool)?? {
        for (index, selectCase) in cases.enumerated() {
            if let item = selectCase.sending {
                switch trySend(item, on: selectCase.channel) {
                case .done: return .some((index, nil, true))
                case .closed: return nil
                case .mustWait: continue
                }
            } else if let received = tryReceive(from: selectCase.channel) {
                return .some((index, received.item, received.ok))
            }
        }
        return .some(nil)
    }

    /// Parks `wait` on every channel of its cases (the driver then starts pumps for process
    /// channels, or waits on a single one itself).
    func park(_ wait: SelectWait) {
        for (index, selectCase) in wait.cases.enumerated() {
            if let item = selectCase.sending {
                selectCase.channel.senders.append((wait, index, item))
            } else {
                selectCase.channel.receivers.append((wait, index))
            }
        }
    }

    /// Closes a channel: waiting receivers get `nil, false`, waiting senders fail.
    func close(_ channel: LuaChannel) {
        channel.markClosed()
        while let receiver = channel.takeReceiver() {
            complete(receiver.wait, with: receiver.wait.received(nil, ok: false, caseIndex: receiver.caseIndex))
        }
        while let sender = channel.takeSender() {
            complete(sender.wait, with: .sendFailed("send on a closed channel"))
        }
    }

    /// An element a pump drew from the runtime: delivered like a send, or the end of the channel.
    func deliverPumped(_ item: ExternalItem?, to channel: LuaChannel) {
        channel.pumping = false
        guard let item else {
            close(channel)
            return
        }
        _ = trySend(.external(item), on: channel)
        if channel.receivers.contains(where: { !$0.wait.done }) {
            startPump(channel)
        }
    }

    /// Marks `wait` done, removes it from all its channels, releases the items of its send
    /// cases that were not taken, and makes its coroutine ready.
    func complete(_ wait: SelectWait, with values: ResumeValues, consumed: Int? = nil) {
        wait.done = true
        for (index, selectCase) in wait.cases.enumerated() {
            selectCase.channel.remove(wait)
            if index != consumed, case .lua(let reference)? = selectCase.sending {
                releaseReference(reference)
            }
        }
        makeReady(wait.thread, with: values)
    }
}
