import CLua
import CLuaShim
import Foundation
import WardenRuntime
import WardenValue

extension LuaProcess {
    /// Pushes what a coroutine resumes with; returns how many values were pushed.
    func push(_ values: consuming ResumeValues, onto stack: LuaStack) -> Int32 {
        _ = lua_checkstack(stack.state, 8)
        switch consume values {
        case .start(let arguments):
            return arguments
        case .nothing:
            return 0
        case .reply(let reply):
            return push(reply, onto: stack)
        case .received(let item, let ok):
            push(item, onto: stack)
            stack.push(ok)
            return 2
        case .selected(let index, let item, let ok):
            stack.push(index)
            push(item, onto: stack)
            stack.push(ok)
            return 3
        case .sent:
            stack.push(true)
            return 1
        case .sendFailed(let message):
            stack.push(message)
            warden_lua_push_raise_marker(stack.state)
            return 2
        }
    }

    /// Pushes a runtime call's result: `true`, its values, or `nil, err`.
    func push(_ reply: LuaReply, onto stack: LuaStack) -> Int32 {
        switch reply {
        case .ok:
            stack.push(true)
            return 1
        case .values(let values):
            _ = lua_checkstack(stack.state, Int32(clamping: values.count + 2))
            for value in values { stack.push(value: value) }
            return Int32(values.count)
        case .failure(let error):
            pushFailure(error, onto: stack)
            return 2
        }
    }

    /// Pushes `nil, err` (an error value: `err:kind()`, `err:message()`).
    func pushFailure(_ error: ProcessError, onto stack: LuaStack) {
        stack.pushNil()
        stack.push(error: error)
    }

    /// Pushes a channel item (`nil` for none). A Lua value's registry reference is released.
    func push(_ item: consuming ChannelItem?, onto stack: LuaStack) {
        switch consume item {
        case nil:
            stack.pushNil()
        case .lua(let reference)?:
            lua_rawgeti(stack.state, luaRegistryIndex, lua_Integer(reference))
            release(reference)
        case .external(.message(let message))?:
            push(message, onto: stack)
        case .external(.event(let event))?:
            push(event, onto: stack)
        case .external(.time(let nanoseconds))?:
            stack.newTable(recordCount: 3)
            stack.push(nanoseconds.floorDivided(by: 1_000_000_000))
            stack.rawSet(table: -2, key: "_s")
            stack.push(nanoseconds.floorModulo(1_000_000_000))
            stack.rawSet(table: -2, key: "_n")
            stack.rawGet(table: luaRegistryIndex, key: "warden.Local")
            stack.rawSet(table: -2, key: "_loc")
            stack.rawGet(table: luaRegistryIndex, key: "warden.Time")
            lua_setmetatable(stack.state, -2)
        case .external(.payload(let payload))?:
            switch payload.count {
            case 0: stack.pushNil()
            case 1: stack.push(value: payload[0])
            default: stack.push(value: .list(payload))
            }
        }
    }

    /// A message object: `msg:topic()`, `msg:from()`, `msg:payload():data()`.
    ///
    /// Its fields sit in the array part (1: topic, 2: sender, 3: payload count, then the
    /// payload values; the C methods of `warden_lua_push_message_metatable` read them there):
    /// one table per message, and integer keys need no string to be hashed and interned.
    func push(_ message: Message, onto stack: LuaStack) {
        let count = message.payload.count
        _ = lua_checkstack(stack.state, 4)
        stack.newTable(arrayCount: 3 + count)
        stack.push(message.topic)
        stack.rawSet(table: -2, index: 1)
        if let from = message.from { stack.push(senderText(from)) } else { stack.push("") }
        stack.rawSet(table: -2, index: 2)
        stack.push(count)
        stack.rawSet(table: -2, index: 3)
        for (offset, value) in message.payload.enumerated() {
            stack.push(value: value)
            stack.rawSet(table: -2, index: 4 + offset)
        }
        warden_lua_push_message_metatable(stack.state)
        lua_setmetatable(stack.state, -2)
    }

    /// The text of a message's sender, formatted once per new sender.
    private func senderText(_ sender: PID) -> String {
        if let last = lastSender, last.pid == sender { return last.text }
        let text = sender.description
        lastSender = (sender, text)
        return text
    }

    /// An event table: `kind`, `from`, `result = {value = v}` or `{error = message}`, and
    /// `deadline` (an RFC 3339 timestamp in UTC, e.g. `2026-12-04T15:00:05.250Z`) for a CANCEL
    /// with a deadline.
    func push(_ event: ProcessEvent, onto stack: LuaStack) {
        var fields: [String: Value] = [
            "kind": .string(event.kind.rawValue),
            "from": .string(event.from.description),
        ]
        if let result = event.result { fields["result"] = result.tableValue }
        if let deadline = event.deadline {
            fields["deadline"] = .string(deadline.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        }
        stack.push(value: .map(fields))
    }
}
