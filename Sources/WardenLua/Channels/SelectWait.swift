/// A coroutine parked on channels: a receive, a send, or a `channel.select`.
final class SelectWait {
    /// What the coroutine asked for, which decides the values it is resumed with.
    enum Shape {
        case receive, send, select
    }

    /// One case: receive from a channel, or send an item to it.
    struct Case {
        let channel: LuaChannel
        /// The item to send; `nil` for a receive.
        let sending: ChannelItem?
    }

    let thread: LuaThread
    let shape: Shape
    let cases: [Case]
    /// Set once a case completed; the wait is then removed from every channel.
    var done = false

    init(thread: LuaThread, shape: Shape, cases: [Case]) {
        self.thread = thread
        self.shape = shape
        self.cases = cases
    }

    /// The values the coroutine resumes with when case `index` received `item`.
    func received(_ item: ChannelItem?, ok: Bool, caseIndex index: Int) -> ResumeValues {
        switch shape {
        case .select: .selected(index: index + 1, item: item, ok: ok)
        default: .received(item, ok: ok)
        }
    }

    /// The values the coroutine resumes with when its send in case `index` completed.
    func sent(caseIndex index: Int) -> ResumeValues {
        switch shape {
        case .select: .selected(index: index + 1, item: nil, ok: true)
        default: .sent
        }
    }
}
