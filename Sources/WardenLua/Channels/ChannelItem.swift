import WardenRuntime
import WardenValue

/// One element in a Lua-visible channel.
enum ChannelItem {
    /// A Lua value sent by this process, held by a registry reference until received.
    case lua(Int32)
    /// An element received from one of the process's runtime channels.
    case external(ExternalItem)
}

/// An element of a runtime channel (inbox, events, listen).
enum ExternalItem: Sendable {
    /// A message from the inbox or a `listen(topic, {message = true})` channel.
    case message(Message)
    /// A lifecycle event.
    case event(ProcessEvent)
    /// The payload of a message on a plain `listen` channel.
    case payload([Value])
    /// A `time.after` / `time.tick` firing: the wall-clock time in Unix nanoseconds.
    case time(Int)
}

/// A runtime channel a Lua channel draws its elements from.
enum ExternalSource: Sendable {
    case messages(ProcessChannel<Message>)
    case events(ProcessChannel<ProcessEvent>)
    case payloads(ProcessChannel<[Value]>)
    case timer(LuaTimer)

    /// The runtime channel itself (its identity survives `process.upgrade`).
    var object: AnyObject {
        switch self {
        case .messages(let channel): channel
        case .events(let channel): channel
        case .payloads(let channel): channel
        case .timer(let timer): timer
        }
    }

    /// The next element, waiting until one arrives, the channel ends or the task is cancelled;
    /// an element is either returned or left in the channel.
    func receiveUnlessCancelled() async -> ExternalItem? {
        let forever = Duration.seconds(365 * 24 * 3600)
        switch self {
        case .messages(let channel): return await channel.receive(timeout: forever).map(ExternalItem.message)
        case .events(let channel): return await channel.receive(timeout: forever).map(ExternalItem.event)
        case .payloads(let channel): return await channel.receive(timeout: forever).map(ExternalItem.payload)
        case .timer(let timer): return await timer.wait()
        }
    }

    /// The next element, waiting for one; `nil` once the channel has ended.
    func receive() async -> ExternalItem? {
        switch self {
        case .messages(let channel): await channel.receive().map(ExternalItem.message)
        case .events(let channel): await channel.receive().map(ExternalItem.event)
        case .payloads(let channel): await channel.receive().map(ExternalItem.payload)
        case .timer(let timer): await timer.wait()
        }
    }

    /// The next element if one is buffered.
    func tryReceive() -> ExternalItem? {
        switch self {
        case .messages(let channel): channel.tryReceive().map(ExternalItem.message)
        case .events(let channel): channel.tryReceive().map(ExternalItem.event)
        case .payloads(let channel): channel.tryReceive().map(ExternalItem.payload)
        case .timer(let timer): timer.fireIfDue()
        }
    }

    /// Whether the runtime channel was closed (elements may still be buffered).
    var isClosed: Bool {
        switch self {
        case .messages(let channel): channel.isClosed
        case .events(let channel): channel.isClosed
        case .payloads(let channel): channel.isClosed
        case .timer: false
        }
    }
}
