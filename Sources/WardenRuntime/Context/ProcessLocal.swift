/// The process-local half of the `process` API, provided by the runtime for each process.
///
/// These calls are unguarded and never leave the process (`inbox`, `events`, `listen`,
/// `unlisten`, options), so they do not go through ``ProcessRuntime``.
public protocol ProcessLocal: Sendable {
    /// The channel of messages whose topic has no `listen` channel.
    func inbox() -> ProcessChannel<Message>
    /// The channel of lifecycle events (`CANCEL`, `EXIT`, `LINK_DOWN`).
    func events() -> ProcessChannel<ProcessEvent>
    /// A channel for one topic. Listening again to a topic in the same format returns the same
    /// channel (unread messages included); in the other format it is `INVALID`. Topics starting
    /// with `@` or empty are `INVALID`.
    func listen<Element>(_ topic: String, as format: ListenFormat<Element>) throws(ProcessError)
        -> ProcessChannel<Element>
    /// Stops routing `channel`'s topic to it and closes it; `false` if it was not listening.
    func unlisten(_ channelID: ObjectIdentifier, topic: String) -> Bool
    /// The current options.
    func options() -> ProcessOptions
    /// Replaces the options.
    func setOptions(_ options: ProcessOptions) throws(ProcessError)
}
