import CLua
import WardenRuntime
import WardenValue

extension LuaProcess {
    /// `send(dest, topic, ...)`: at once when the runtime can send without suspending (the
    /// coroutine then does not yield), otherwise as a blocking runtime call.
    func send(_ stack: LuaStack) throws(ProcessError) -> LuaReturn {
        let destination = try destinationArgument(stack, at: 1)
        let topic = try stringArgument(stack, at: 2, what: "topic")
        let payload = try LuaValueReader.read(stack, from: 3, count: stack.top - 2, what: "payload value")
        switch context.sendNow(destination, topic: topic, payload: payload) {
        case .success?:
            stack.push(true)
            return .results(1)
        case .failure(let error)?:
            throw error
        case nil:
            return runtimeCall { context in try await context.send(destination, topic: topic, payload: payload) }
        }
    }

    /// The spawner's `spawn(mode, options, id, host, ...)`.
    func spawnWithOptions(_ stack: LuaStack) throws(ProcessError) -> LuaReturn {
        let mode: SpawnMode
        switch stack.string(at: 1) {
        case "monitored": mode = .monitored
        case "linked": mode = .linked
        case "linked_monitored": mode = .linkedMonitored
        default: mode = .plain
        }
        let options =
            stack.isNoneOrNil(2)
            ? SpawnOptions.none
            : try LuaSpawnOptions.read(try LuaValueReader.read(stack, at: 2, what: "spawner options"))
        return try spawn(stack, mode: mode, options: options, from: 3)
    }

    /// `process.spawn(id, host, ...)` and its `_monitored`, `_linked` and `_linked_monitored`
    /// forms; the arguments start at `first`.
    func spawn(
        _ stack: LuaStack, mode: SpawnMode, options: SpawnOptions = .none, from first: Int32 = 1
    ) throws(ProcessError) -> LuaReturn {
        let definition = try stringArgument(stack, at: first, what: "process id")
        let host = try stringArgument(stack, at: first + 1, what: "host")
        let args = try LuaValueReader.read(
            stack, from: first + 2, count: max(0, stack.top - first - 1), what: "spawn argument")
        let request = SpawnRequest(definition: definition, host: host, args: args, mode: mode, options: options)
        return .block(
            .call { [context] () async -> LuaReply in
                do throws(ProcessError) {
                    let pid = try await context.front.spawn(request, caller: context.caller)
                    return .values([.string(pid.description)])
                } catch { return .failure(error) }
            })
    }

    /// `exec(id, host, ...)`.
    func exec(_ stack: LuaStack) throws(ProcessError) -> LuaReturn {
        let definition = try stringArgument(stack, at: 1, what: "process id")
        let host = try stringArgument(stack, at: 2, what: "host")
        let args = try LuaValueReader.read(stack, from: 3, count: max(0, stack.top - 2), what: "exec argument")
        return .block(
            .call { [context] () async -> LuaReply in
                do throws(ProcessError) {
                    return .values([try await context.exec(definition, host: host, args: args)])
                } catch { return .failure(error) }
            })
    }

    /// `set_options({trap_links = bool})`.
    func setOptions(_ stack: LuaStack) throws(ProcessError) -> LuaReturn {
        let value = try LuaValueReader.read(stack, at: 1, what: "options")
        guard case .map(let fields) = value else {
            throw ProcessError(
                .invalid, "set_options takes a table such as `{trap_links = true}`", code: "invalid-argument")
        }
        var options = context.options()
        for (key, field) in fields {
            guard key == "trap_links", case .bool(let trap) = field else {
                throw ProcessError(
                    .invalid, "unknown or invalid option `\(key)`; hint: the only option is `trap_links` (a boolean)",
                    code: "invalid-argument")
            }
            options.trapLinks = trap
        }
        try context.setOptions(options)
        stack.push(true)
        return .results(1)
    }

    /// `inbox()`: the same channel object every time.
    func inbox(_ stack: LuaStack) -> LuaReturn {
        let channel = inboxChannel ?? processChannel(.messages(context.inbox()), topic: nil)
        inboxChannel = channel
        pushProcessChannel(channel, onto: stack)
        return .results(1)
    }

    /// `events()`.
    func events(_ stack: LuaStack) -> LuaReturn {
        let channel = eventsChannel ?? processChannel(.events(context.events()), topic: nil)
        eventsChannel = channel
        pushProcessChannel(channel, onto: stack)
        return .results(1)
    }

    /// `listen(topic, options?)`: the same channel for the same topic and form;
    /// `{message = true}` delivers whole messages instead of payloads.
    func listen(_ stack: LuaStack) throws(ProcessError) -> LuaReturn {
        let topic = try stringArgument(stack, at: 1, what: "topic")
        var asMessages = false
        if stack.type(at: 2) == LUA_TTABLE {
            asMessages = stack.rawGet(table: 2, key: "message") == LUA_TBOOLEAN && stack.boolean(at: -1)
            stack.pop()
        }
        let source: ExternalSource =
            asMessages ? .messages(try context.listen(topic, as: .messages)) : .payloads(try context.listen(topic))
        if let known = listenChannels[topic], known.source.map({ sameChannel($0, source) }) == true {
            pushProcessChannel(known, onto: stack)
            return .results(1)
        }
        let channel = processChannel(source, topic: topic)
        listenChannels[topic] = channel
        pushProcessChannel(channel, onto: stack)
        return .results(1)
    }

    /// A Lua channel over a runtime channel, starting with the elements the code before the
    /// last `process.upgrade` had drawn from it.
    private func processChannel(_ source: ExternalSource, topic: String?) -> LuaChannel {
        let channel = LuaChannel(capacity: .max, source: source, topic: topic)
        for item in leftovers.removeValue(forKey: ObjectIdentifier(source.object)) ?? [] {
            channel.append(.external(item))
        }
        return channel
    }

    /// Pushes the one channel object of a process channel (made on first use, kept in the
    /// registry).
    private func pushProcessChannel(_ channel: LuaChannel, onto stack: LuaStack) {
        if let reference = channel.objectReference {
            lua_rawgeti(stack.state, luaRegistryIndex, lua_Integer(reference))
            return
        }
        stack.push(channel: channel)
        lua_pushvalue(stack.state, -1)
        channel.objectReference = luaL_ref(stack.state, luaRegistryIndex)
    }

    private func sameChannel(_ a: ExternalSource, _ b: ExternalSource) -> Bool {
        switch (a, b) {
        case (.messages(let x), .messages(let y)): x === y
        case (.payloads(let x), .payloads(let y)): x === y
        default: false
        }
    }

    /// `unlisten(ch)`: `true` when the channel was listening.
    func unlisten(_ stack: LuaStack) throws(ProcessError) -> LuaReturn {
        guard let channel = stack.channel(at: 1) else {
            throw ProcessError(
                .invalid, "unlisten takes a channel returned by process.listen", code: "invalid-argument")
        }
        guard let topic = channel.topic else {
            stack.push(false)
            return .results(1)
        }
        let stopped: Bool
        switch channel.source {
        case .messages(let source)?: stopped = context.unlisten(source)
        case .payloads(let source)?: stopped = context.unlisten(source)
        default: stopped = false
        }
        if listenChannels[topic] === channel { listenChannels[topic] = nil }
        if let reference = channel.objectReference {
            channel.objectReference = nil
            release(reference)
        }
        stack.push(stopped)
        return .results(1)
    }
}
