import CLua
import CLuaShim
import WardenRuntime

extension LuaProcess {
    /// Whether the running coroutine may block (a driver coroutine in a yieldable place).
    private func canBlock(_ stack: LuaStack) -> Bool {
        warden_lua_is_driver(stack.state) != 0 && lua_isyieldable(stack.state) != 0 && scheduler.running != nil
    }

    private static let cannotBlock =
        "a blocking channel operation cannot run here (inside a plain coroutine or a metamethod); hint: use `coroutine.spawn` for concurrent code"

    /// Takes a registry reference to the value at `index`.
    private func reference(_ stack: LuaStack, at index: Int32) -> Int32 {
        lua_pushvalue(stack.state, index)
        return luaL_ref(stack.state, luaRegistryIndex)
    }

    private func channelArgument(_ stack: LuaStack) -> LuaChannel? {
        stack.channel(at: 1)
    }

    /// `channel.new(size?)`.
    func channelNew(_ stack: LuaStack) -> LuaReturn {
        var size = 0
        if !stack.isNoneOrNil(1) {
            guard let given = stack.integer(at: 1), given >= 0, given <= 1 << 24 else {
                return .raise("channel size must be an integer from 0 to 16777216; hint: `channel.new(10)`")
            }
            size = given
        }
        let channel = LuaChannel(capacity: size)
        channel.releaseReference = { [link] reference in link.process?.release(reference) }
        stack.push(channel: channel)
        return .results(1)
    }

    /// `ch:send(v)`: `true`; raises when the channel is closed (also while the send waits).
    func channelSend(_ stack: LuaStack) -> LuaReturn {
        guard let channel = channelArgument(stack) else { return .raise("send takes a channel") }
        guard channel.source == nil else {
            return .raise("cannot send on a process channel (inbox, events, listen); hint: use `process.send`")
        }
        let item = ChannelItem.lua(reference(stack, at: 2))
        switch scheduler.trySend(item, on: channel) {
        case .done:
            stack.push(true)
            return .results(1)
        case .closed:
            if case .lua(let r) = item { release(r) }
            return .raise("send on a closed channel")
        case .mustWait:
            guard canBlock(stack), let thread = scheduler.running else {
                if case .lua(let r) = item { release(r) }
                return .raise(LuaProcess.cannotBlock)
            }
            let wait = SelectWait(thread: thread, shape: .send, cases: [.init(channel: channel, sending: item)])
            scheduler.park(wait)
            return .block(.wait(wait))
        }
    }

    /// `ch:receive()`: `value, true`, or `nil, false` once closed and drained.
    func channelReceive(_ stack: LuaStack) -> LuaReturn {
        guard let channel = channelArgument(stack) else { return .raise("receive takes a channel") }
        if let (item, ok) = scheduler.tryReceive(from: channel) {
            push(item, onto: stack)
            stack.push(ok)
            return .results(2)
        }
        guard canBlock(stack), let thread = scheduler.running else { return .raise(LuaProcess.cannotBlock) }
        if let source = channel.source, scheduler.liveThreads == 1, scheduler.inFlight == 0, !channel.pumping {
            return .block(.receive(channel, source))
        }
        let wait = SelectWait(thread: thread, shape: .receive, cases: [.init(channel: channel, sending: nil)])
        scheduler.park(wait)
        return .block(.wait(wait))
    }

    /// `ch:close()`: `true`; raises when already closed or a process channel.
    func channelClose(_ stack: LuaStack) -> LuaReturn {
        guard let channel = channelArgument(stack) else { return .raise("close takes a channel") }
        if channel.source != nil || channel.closed {
            return .raise(
                channel.closed
                    ? "close of a closed channel" : "cannot close a process channel; hint: use `process.unlisten`")
        }
        scheduler.close(channel)
        stack.push(true)
        return .results(1)
    }

    /// `select(cases, count, has_default)`: `index, value, ok`; index 0 for the default branch;
    /// `nil, message` for a send on a closed channel.
    func channelSelect(_ stack: LuaStack) -> LuaReturn {
        let count = stack.integer(at: 2) ?? 0
        let hasDefault = stack.boolean(at: 3)
        var cases: [SelectWait.Case] = []
        cases.reserveCapacity(count)
        func releaseSends() {
            for selectCase in cases { if case .lua(let r)? = selectCase.sending { release(r) } }
        }
        guard count > 0 || hasDefault else {
            return .raise("channel.select needs at least one case or `default = true`")
        }
        if count > 0 {
            for position in 1...count {
                stack.rawGet(table: 1, index: position)
                stack.rawGet(table: -1, key: "_channel")
                let channel = stack.channel(at: -1)
                stack.pop()
                guard let channel else {
                    stack.pop()
                    releaseSends()
                    return .raise("channel.select: case \(position) has no channel")
                }
                stack.rawGet(table: -1, key: "_send")
                let sends = stack.boolean(at: -1)
                stack.pop()
                var item: ChannelItem?
                if sends {
                    if channel.source != nil {
                        stack.pop()
                        releaseSends()
                        return .raise("channel.select: case \(position) sends on a process channel")
                    }
                    stack.rawGet(table: -1, key: "_value")
                    item = .lua(luaL_ref(stack.state, luaRegistryIndex))
                }
                stack.pop()
                cases.append(.init(channel: channel, sending: item))
            }
        }
        switch scheduler.trySelect(cases) {
        case nil:
            releaseSends()
            stack.pushNil()
            stack.push("channel.select: send on a closed channel")
            return .results(2)
        case .some(let ready?):
            for (index, selectCase) in cases.enumerated() where index != ready.index {
                if case .lua(let r)? = selectCase.sending { release(r) }
            }
            stack.push(ready.index + 1)
            push(ready.item, onto: stack)
            stack.push(ready.ok)
            return .results(3)
        case .some(nil):
            if hasDefault {
                releaseSends()
                stack.push(0)
                return .results(1)
            }
            guard canBlock(stack), let thread = scheduler.running else {
                releaseSends()
                return .raise(LuaProcess.cannotBlock)
            }
            let wait = SelectWait(thread: thread, shape: .select, cases: cases)
            scheduler.park(wait)
            return .block(.wait(wait))
        }
    }

    /// `timer(nanoseconds, repeating)`: the channel of `time.after` / `time.tick`.
    func timer(_ stack: LuaStack) -> LuaReturn {
        guard let nanoseconds = stack.integer(at: 1), nanoseconds >= 0 else {
            return .raise("a timer needs a duration of 0 or more nanoseconds")
        }
        let repeating = stack.boolean(at: 2)
        if repeating && nanoseconds == 0 { return .raise("time.tick needs a positive duration") }
        let channel = LuaChannel(
            capacity: .max, source: .timer(LuaTimer(delay: .nanoseconds(nanoseconds), repeating: repeating)))
        stack.push(channel: channel)
        return .results(1)
    }

    /// `coroutine.spawn(fn, ...)`: runs `fn` as another coroutine of this process.
    func spawnCoroutine(_ stack: LuaStack) -> LuaReturn {
        let count = stack.top
        guard let thread = newThread(on: stack, isMain: false) else { return .raise("memory limit exceeded") }
        _ = lua_checkstack(thread.state, count + 2)
        lua_xmove(stack.state, thread.state, count)
        scheduler.makeReady(thread, with: .start(arguments: count - 1))
        stack.push(true)
        return .results(1)
    }
}
