extension LuaPrelude {
    /// The `process` global: every call of spec/process.md section 1, the spawner builder, the
    /// event constants and the name registry.
    static let process = #"""
        local P, core = ...
        local S = core()
        local setmetatable, getmetatable, type, select, pairs, ipairs =
            setmetatable, getmetatable, type, select, pairs, ipairs
        local result, mkerr, Channel, wrap_channel = S.result, S.mkerr, S.Channel, S.wrap_channel

        -- The spawner builder is a piece of its own, loaded by the first `process.with_*`.
        local spawner
        local function new_spawner(options)
            if not spawner then spawner = P.piece("spawner")(P, core) end
            return spawner(options)
        end

        -- process -----------------------------------------------------------------------------------
        process = {}
        process.event = {CANCEL = "CANCEL", EXIT = "EXIT", LINK_DOWN = "LINK_DOWN"}
        function process.pid() return P.pid() end
        function process.id() return P.id() end
        function process.send(destination, topic, ...) return result(P.send(destination, topic, ...)) end
        function process.spawn(id, host, ...) return result(P.spawn("plain", nil, id, host, ...)) end
        function process.spawn_monitored(id, host, ...) return result(P.spawn("monitored", nil, id, host, ...)) end
        function process.spawn_linked(id, host, ...) return result(P.spawn("linked", nil, id, host, ...)) end
        function process.spawn_linked_monitored(id, host, ...) return result(P.spawn("linked_monitored", nil, id, host, ...)) end
        function process.terminate(destination) return result(P.terminate(destination)) end
        function process.cancel(destination, deadline) return result(P.cancel(destination, deadline)) end
        function process.monitor(destination) return result(P.monitor(destination)) end
        function process.unmonitor(destination) return result(P.unmonitor(destination)) end
        function process.link(destination) return result(P.link(destination)) end
        function process.unlink(destination) return result(P.unlink(destination)) end
        function process.get_options() return P.get_options() end
        function process.set_options(options) return result(P.set_options(options)) end
        function process.exec(id, host, ...) return result(P.exec(id, host, ...)) end
        function process.upgrade(id, ...) return result(P.upgrade(id, ...)) end

        local inbox_channel, events_channel
        local listeners = {}
        function process.inbox()
            if not inbox_channel then inbox_channel = wrap_channel(P.inbox()) end
            return inbox_channel
        end
        function process.events()
            if not events_channel then events_channel = wrap_channel(P.events()) end
            return events_channel
        end
        function process.listen(topic, options)
            local as_messages = type(options) == "table" and options.message == true
            local handle, kind, message = P.listen(topic, as_messages)
            if handle == nil then return nil, mkerr(kind, message) end
            local known = listeners[topic]
            if known and known._h == handle then return known end
            local ch = wrap_channel(handle)
            listeners[topic] = ch
            return ch
        end
        function process.unlisten(ch)
            if getmetatable(ch) ~= Channel then return nil, mkerr("INVALID", "unlisten takes a channel returned by process.listen") end
            for topic, known in pairs(listeners) do
                if known == ch then listeners[topic] = nil end
            end
            return P.unlisten(ch._h)
        end

        function process.with_context(values) return new_spawner({}):with_context(values) end
        function process.with_actor(actor) return new_spawner({}):with_actor(actor) end
        function process.with_scope(scope) return new_spawner({}):with_scope(scope) end
        function process.with_name(name) return new_spawner({}):with_name(name) end
        function process.with_message(topic, ...) return new_spawner({}):with_message(topic, ...) end

        process.registry = {
            register = function(name, pid) return result(P.register(name, pid)) end,
            lookup = function(name) return result(P.lookup(name)) end,
            unregister = function(name) return result(P.unregister(name)) end,
        }
        """#
}
