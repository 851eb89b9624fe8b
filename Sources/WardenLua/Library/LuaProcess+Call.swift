import CLua
import WardenRuntime
import WardenValue

extension LuaProcess {
    /// Runs the Swift function `function` for Lua; arguments are on `stack` from index 1.
    func call(_ function: LuaFunctionID, on stack: LuaStack) -> LuaReturn {
        do {
            switch function {
            case .pid:
                stack.push(pidText)
                return .results(1)
            case .frame:
                stack.push(context.id())
                return .results(1)
            case .send: return try send(stack)
            case .spawn: return try spawnWithOptions(stack)
            case .spawnPlain: return try spawn(stack, mode: .plain)
            case .spawnMonitored: return try spawn(stack, mode: .monitored)
            case .spawnLinked: return try spawn(stack, mode: .linked)
            case .spawnLinkedMonitored: return try spawn(stack, mode: .linkedMonitored)
            case .terminate:
                let destination = try destinationArgument(stack, at: 1)
                return runtimeCall { context in try await context.terminate(destination) }
            case .cancel:
                let destination = try destinationArgument(stack, at: 1)
                let deadline = try CancelDeadline.from(
                    stack.isNoneOrNil(2) ? nil : try LuaValueReader.read(stack, at: 2, what: "deadline"))
                return runtimeCall { context in try await context.cancel(destination, deadline: deadline) }
            case .monitor:
                let destination = try destinationArgument(stack, at: 1)
                return runtimeCall { context in try await context.monitor(destination) }
            case .unmonitor:
                let destination = try destinationArgument(stack, at: 1)
                return runtimeCall { context in try await context.unmonitor(destination) }
            case .link:
                let destination = try destinationArgument(stack, at: 1)
                return runtimeCall { context in try await context.link(destination) }
            case .unlink:
                let destination = try destinationArgument(stack, at: 1)
                return runtimeCall { context in try await context.unlink(destination) }
            case .getOptions:
                stack.push(value: context.options().tableValue)
                return .results(1)
            case .setOptions: return try setOptions(stack)
            case .inbox: return inbox(stack)
            case .events: return events(stack)
            case .listen: return try listen(stack)
            case .unlisten: return try unlisten(stack)
            case .exec: return try exec(stack)
            case .upgrade:
                let definition = stack.isNoneOrNil(1) ? nil : try stringArgument(stack, at: 1, what: "definition id")
                let args = try LuaValueReader.read(stack, from: 2, count: stack.top - 1, what: "argument")
                return .block(.upgrade(definition: definition, args: args))
            case .register:
                let name = try stringArgument(stack, at: 1, what: "name")
                let pid = stack.isNoneOrNil(2) ? nil : try PID.parse(try stringArgument(stack, at: 2, what: "pid"))
                return runtimeCall { context in try await context.register(name, pid: pid) }
            case .lookup:
                let name = try stringArgument(stack, at: 1, what: "name")
                return .block(
                    .call { [context] () async -> LuaReply in
                        do throws(ProcessError) {
                            return .values([.string(try await context.lookup(name).description)])
                        } catch { return .failure(error) }
                    })
            case .unregister:
                let name = try stringArgument(stack, at: 1, what: "name")
                return .block(
                    .call { [context] () async -> LuaReply in
                        do throws(ProcessError) {
                            return .values([.bool(try await context.unregister(name))])
                        } catch { return .failure(error) }
                    })
            case .channelNew: return channelNew(stack)
            case .channelSend: return channelSend(stack)
            case .channelReceive: return channelReceive(stack)
            case .channelClose: return channelClose(stack)
            case .channelSelect: return channelSelect(stack)
            case .spawnCoroutine: return spawnCoroutine(stack)
            case .timeNow, .timeFields, .formatTime, .timeParse, .timeDate, .timeRound, .loadLocation, .parseDuration,
                .durationString, .timerControl:
                return try timeCall(function, on: stack)
            case .sleep:
                let nanoseconds = max(0, stack.integer(at: 1) ?? 0)
                return .block(
                    .call { () async -> LuaReply in
                        try? await Task.sleep(for: .nanoseconds(nanoseconds))
                        return .ok
                    })
            case .timer: return timer(stack)
            case .jsonEncode, .jsonDecode, .uuidV4, .uuidV7, .contextGet, .contextAll:
                return try moduleCall(function, on: stack)
            case .makePrimitive, .piece, .openLibrary, .library, .moduleAllowed, .entry, .processField, .processNames,
                .errorNew, .channelMetatable:
                return preludeCall(function, on: stack)
            case .securityCan, .securityEvaluate, .securityActor, .securitySummary:
                return try securityCall(function, on: stack)
            case .ioCheck, .ioWrite, .ioReadLine:
                return terminalCall(function, on: stack)
            case .log:
                do { return try log(stack) } catch { return .raise(error.message) }
            case .setMetatable:
                guard let name = stack.string(at: 1), stack.type(at: 2) == LUA_TTABLE else {
                    return .raise("set_metatable takes a name and a table")
                }
                lua_pushvalue(stack.state, 2)
                stack.rawSet(table: luaRegistryIndex, key: "warden." + name)
                return .results(0)
            }
        } catch {
            pushFailure(error, onto: stack)
            return .results(2)
        }
    }

    /// A runtime call that answers `true` or `nil, err`, run by the driver.
    func runtimeCall(_ body: @escaping @Sendable (ProcessContext) async throws -> Void) -> LuaReturn {
        .block(
            .call { [context] () async -> LuaReply in
                do {
                    try await body(context)
                    return .ok
                } catch let error as ProcessError {
                    return .failure(error)
                } catch {
                    return .failure(ProcessError(.internal, "runtime call failed: \(error)", code: "internal"))
                }
            })
    }

    func stringArgument(_ stack: LuaStack, at index: Int32, what: String) throws(ProcessError) -> String {
        guard let text = stack.string(at: index) else {
            throw ProcessError(
                .invalid,
                "\(what) must be a string, not \(stack.typeName(at: index)) (argument \(index))",
                code: "invalid-argument")
        }
        return text
    }

    /// The destination (a PID string or a name) at `index`; the last one is kept, so a process
    /// that keeps calling the same peer parses its PID once.
    func destinationArgument(_ stack: LuaStack, at index: Int32) throws(ProcessError) -> Destination {
        if let last = lastDestination, stack.string(at: index, equals: last.text) { return last.destination }
        let text = try stringArgument(stack, at: index, what: "destination")
        let destination = try Destination.parse(text)
        lastDestination = (text, destination)
        return destination
    }
}
