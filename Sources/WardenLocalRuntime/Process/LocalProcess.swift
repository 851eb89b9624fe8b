import Synchronization
import WardenRuntime
import WardenSync
import WardenValue

/// The runtime side of one process: identity, channels, topic routing, its task and timers.
final class LocalProcess: ProcessLocal {
    /// The process id.
    let pid: PID
    /// The call-chain id (the root process's PID string, inherited by descendants).
    let frame: String
    /// The process's actor and scope.
    let security: SecurityContext
    /// Values given with `with_context`.
    let contextValues: [String: Value]
    /// The runtime this process's calls go through.
    let front: any ProcessRuntime
    /// Resolved on exit for `exec` and `start` callers.
    let exit: ExitFuture?
    /// The inbox, created with the process so queued messages can land before it runs.
    let inboxChannel = ProcessChannel<Message>()
    /// The runtime that owns the process (for options, which live in the process table).
    let runtime: LocalRuntime

    private struct State {
        var events: ProcessChannel<ProcessEvent>?
        var topics: [String: TopicSubscription] = [:]
        var task: Task<Void, Never>?
        var timers: [Task<Void, Never>] = []
        var stopped = false

        /// The events channel, created on first use (closed once the process stopped).
        mutating func eventsChannel() -> ProcessChannel<ProcessEvent> {
            if let events { return events }
            let created = ProcessChannel<ProcessEvent>()
            if stopped { created.close() }
            events = created
            return created
        }
    }

    private let state = Locked(State())
    /// Whether any topic is listened to; lets deliveries skip the topic lookup (and its lock)
    /// in the common case of a process with an inbox only.
    private let listening = Atomic<Bool>(false)

    init(
        pid: PID, frame: String, security: SecurityContext, contextValues: [String: Value],
        front: any ProcessRuntime, exit: ExitFuture?, runtime: LocalRuntime
    ) {
        self.pid = pid
        self.frame = frame
        self.security = security
        self.contextValues = contextValues
        self.front = front
        self.exit = exit
        self.runtime = runtime
    }

    /// The context a body of `definition` runs with.
    func context(definition: String, args: [Value]) -> ProcessContext {
        ProcessContext(
            caller: Caller(pid: pid, frame: frame, definition: definition, security: security),
            args: args, contextValues: contextValues, front: front, local: self)
    }

    // MARK: Delivery (runtime side)

    /// Routes a message to its topic's `listen` channel, or else to the inbox.
    func deliver(_ message: Message) {
        if listening.load(ordering: .acquiring) {
            let subscription = state.withLock { $0.topics[message.topic] }
            if let subscription, subscription.deliver(message) { return }
        }
        inboxChannel.deliver(message)
    }

    /// Delivers a lifecycle event (dropped once the process stopped).
    func deliverEvent(_ event: ProcessEvent) {
        let channel = state.withLock { s -> ProcessChannel<ProcessEvent>? in
            if s.stopped { return nil }
            return s.eventsChannel()
        }
        channel?.deliver(event)
    }

    /// Whether the process has exited.
    var isStopped: Bool { state.withLock { $0.stopped } }

    /// The body's task, once attached.
    var task: Task<Void, Never>? { state.withLock { $0.task } }

    /// Attaches the task running the body; cancels it at once if the process already stopped.
    func attach(_ task: Task<Void, Never>) {
        let stopped = state.withLock { s -> Bool in
            s.task = task
            return s.stopped
        }
        if stopped { task.cancel() }
    }

    /// Runs `action` after `delay` unless the process stops first (cancel deadlines).
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        let timer = Task {
            do { try await Task.sleep(for: delay) } catch { return }
            action()
        }
        let stopped = state.withLock { s -> Bool in
            if !s.stopped { s.timers.append(timer) }
            return s.stopped
        }
        if stopped { timer.cancel() }
    }

    /// The process exited: close its channels (dropping unread elements), resolve exit waiters,
    /// cancel its timers and, unless its body has already returned, its task.
    func stop(_ result: ExitResult, bodyReturned: Bool) {
        let (task, timers, events, topics) = state.withLock { s in
            s.stopped = true
            let taken = (s.task, s.timers, s.events, s.topics)
            s.timers = []
            s.topics = [:]
            return taken
        }
        inboxChannel.close(discarding: true)
        events?.close(discarding: true)
        for subscription in topics.values { subscription.close(discarding: true) }
        exit?.resolve(result)
        if !bodyReturned { task?.cancel() }
        for timer in timers { timer.cancel() }
    }

    // MARK: ProcessLocal

    func inbox() -> ProcessChannel<Message> { inboxChannel }

    func events() -> ProcessChannel<ProcessEvent> {
        state.withLock { $0.eventsChannel() }
    }

    func listen<Element>(_ topic: String, as format: ListenFormat<Element>) throws(ProcessError)
        -> ProcessChannel<Element>
    {
        try ArgumentCheck.topic(topic)
        return try state.withLock { s throws(ProcessError) -> ProcessChannel<Element> in
            if s.stopped { throw LocalProcess.notRunning(pid) }
            if let existing = s.topics[topic] {
                guard let channel = format.channel(existing) else {
                    throw ProcessError(
                        .invalid,
                        "topic `\(topic)` is already listened to in the other format; hint: unlisten the existing channel first",
                        code: "listen-format-mismatch")
                }
                return channel
            }
            let channel = ProcessChannel<Element>(topic: topic)
            s.topics[topic] = format.subscription(channel)
            listening.store(true, ordering: .releasing)
            return channel
        }
    }

    func unlisten(_ channelID: ObjectIdentifier, topic: String) -> Bool {
        let removed = state.withLock { s -> TopicSubscription? in
            guard let subscription = s.topics[topic], subscription.channelID == channelID else { return nil }
            s.topics[topic] = nil
            return subscription
        }
        removed?.close()
        return removed != nil
    }

    func options() -> ProcessOptions {
        ProcessOptions(trapLinks: runtime.trapLinks(of: pid))
    }

    func setOptions(_ options: ProcessOptions) throws(ProcessError) {
        try runtime.setTrapLinks(of: pid, options.trapLinks)
    }

    static func notRunning(_ pid: PID) -> ProcessError {
        ProcessError(
            .invalid, "process `\(pid)` is not running; hint: channels are only available while the process lives",
            code: "caller-not-running")
    }
}
