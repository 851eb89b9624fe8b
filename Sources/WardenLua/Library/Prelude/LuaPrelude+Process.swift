extension LuaPrelude {
    /// The `process` global: every call of spec/process.md section 1, the spawner builder, the
    /// event constants and the name registry.
    static let process = #"""
local P, core = ...
local S = core()
local setmetatable, getmetatable, type, select, pairs, ipairs =
    setmetatable, getmetatable, type, select, pairs, ipairs
local result, mkerr, Channel, wrap_channel = S.result, S.mkerr, S.Channel, S.wrap_channel

-- Spawner builder ---------------------------------------------------------------------------
local Spawner = {__name = "spawner"}
local SpawnerMethods = {}
Spawner.__index = SpawnerMethods
local function new_spawner(options) return setmetatable({_o = options}, Spawner) end
local function spawner_with(s, key, value)
    local options = {}
    for k, v in pairs(s._o) do options[k] = v end
    options[key] = value
    return new_spawner(options)
end
function SpawnerMethods:with_context(values)
    local merged = {}
    if self._o.context then for k, v in pairs(self._o.context) do merged[k] = v end end
    if type(values) == "table" then for k, v in pairs(values) do merged[k] = v end else merged = values end
    return spawner_with(self, "context", merged)
end
-- Actor and scope values of the security module become the plain tables the host reads.
local function plain_security(value)
    local values = S.security_values
    if values and getmetatable(value) == values.Actor then return {id = value._id, meta = value._meta} end
    if values and getmetatable(value) == values.Scope then return {policies = value._policies, groups = value._groups} end
    return value
end
function SpawnerMethods:with_actor(actor) return spawner_with(self, "actor", plain_security(actor)) end
function SpawnerMethods:with_scope(scope) return spawner_with(self, "scope", plain_security(scope)) end
function SpawnerMethods:with_name(name) return spawner_with(self, "name", name) end
function SpawnerMethods:with_message(topic, ...)
    local messages = {}
    if self._o.messages then for i, m in ipairs(self._o.messages) do messages[i] = m end end
    messages[#messages + 1] = {topic = topic, payload = {...}, n = select("#", ...)}
    return spawner_with(self, "messages", messages)
end
function SpawnerMethods:spawn(id, host, ...) return result(P.spawn("plain", self._o, id, host, ...)) end
function SpawnerMethods:spawn_monitored(id, host, ...) return result(P.spawn("monitored", self._o, id, host, ...)) end
function SpawnerMethods:spawn_linked(id, host, ...) return result(P.spawn("linked", self._o, id, host, ...)) end
function SpawnerMethods:spawn_linked_monitored(id, host, ...)
    return result(P.spawn("linked_monitored", self._o, id, host, ...))
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
