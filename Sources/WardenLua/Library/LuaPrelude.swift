/// The Lua half of the host API: builds `process`, `channel` and `coroutine.spawn` over the
/// Swift primitives it receives as its argument, and returns the bootstrap function that runs
/// an entry's method.
///
/// The primitives table stays a local of this chunk (an upvalue of the functions below), so
/// user code cannot reach it. Primitives report failures as `nil, kind, message`; `result`
/// turns those into error values with `err:kind()`, `err:message()`, `tostring` and `..`.
enum LuaPrelude {
    /// The chunk name errors in the prelude carry.
    static let chunkName = "=[warden prelude]"

    /// The prelude's source.
    static let source = #"""
local P = ...
local setmetatable, getmetatable, type, tostring, select, error, pairs, ipairs, rawget =
    setmetatable, getmetatable, type, tostring, select, error, pairs, ipairs, rawget
local unpack = table.unpack

-- Errors ------------------------------------------------------------------------------------
local Error = {__name = "error"}
Error.__index = {
    kind = function(e) return e._kind end,
    message = function(e) return e._message end,
}
Error.__tostring = function(e) return e._message end
Error.__concat = function(a, b) return tostring(a) .. tostring(b) end
P.set_metatable("Error", Error)

local function mkerr(kind, message)
    return setmetatable({_kind = kind, _message = message}, Error)
end

local function result(value, kind, message)
    if value == nil and kind ~= nil then return nil, mkerr(kind, message) end
    return value
end

-- Messages ----------------------------------------------------------------------------------
local Payload = {__name = "payload"}
Payload.__index = {data = function(p) return unpack(p._values, 1, p._n) end}
local Message = {__name = "message"}
Message.__index = {
    topic = function(m) return m._topic end,
    from = function(m) return m._from end,
    payload = function(m) return setmetatable({_values = m._payload, _n = m._n}, Payload) end,
}
P.set_metatable("Message", Message)

-- Channels ----------------------------------------------------------------------------------
local Channel = {__name = "channel"}
local ChannelMethods = {}
Channel.__index = ChannelMethods
local function wrap_channel(handle) return setmetatable({_h = handle}, Channel) end

function ChannelMethods.send(ch, value)
    local ok, message = P.channel_send(ch._h, value)
    if not ok then error(message, 2) end
    return true
end
function ChannelMethods.receive(ch) return P.channel_receive(ch._h) end
function ChannelMethods.close(ch)
    local ok, message = P.channel_close(ch._h)
    if not ok then error(message, 2) end
    return true
end
function ChannelMethods.case_receive(ch) return {_channel = ch, _send = false} end
function ChannelMethods.case_send(ch, value) return {_channel = ch, _send = true, _value = value} end

channel = {}
function channel.new(size) return wrap_channel(P.channel_new(size)) end
function channel.select(cases)
    if type(cases) ~= "table" then error("channel.select takes a list of cases; hint: channel.select({ch:case_receive()})", 2) end
    local count = #cases
    for i = 1, count do
        local c = cases[i]
        if type(c) ~= "table" or getmetatable(c._channel) ~= Channel then
            error("channel.select: case " .. i .. " is not a channel case; hint: use ch:case_receive() or ch:case_send(v)", 2)
        end
    end
    local index, value, ok = P.channel_select(cases, count, cases.default == true)
    if index == nil then error(value, 2) end
    if index == 0 then return {default = true} end
    return {channel = cases[index]._channel, value = value, ok = ok}
end

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
function SpawnerMethods:with_actor(actor) return spawner_with(self, "actor", actor) end
function SpawnerMethods:with_scope(scope) return spawner_with(self, "scope", scope) end
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

-- coroutine.spawn ---------------------------------------------------------------------------
coroutine.spawn = function(fn, ...)
    if type(fn) ~= "function" then error("coroutine.spawn takes a function", 2) end
    return P.coroutine_spawn(fn, ...)
end

-- require: only the modules listed in the entry's `modules` ---------------------------------
local allowed, builtin, loaded = {}, {}, {}
for _, name in ipairs(P.modules) do allowed[name] = true end

function require(name)
    if type(name) ~= "string" then error("require takes a module name", 2) end
    local module = loaded[name]
    if module ~= nil then return module end
    local library = P.libraries[name]
    if library ~= nil then
        local chunk, problem = load(library.source, library.chunk, "t")
        if not chunk then error(problem, 2) end
        module = chunk()
        if module == nil then module = true end
        loaded[name] = module
        return module
    end
    if not allowed[name] then
        error("module `" .. name .. "` is not listed in the `modules` of entry `" .. P.entry
            .. "`; hint: add it to the entry's `modules`", 2)
    end
    if name == "os" then return os end
    local make = builtin[name]
    if not make then
        error("module `" .. name .. "` (listed in the `modules` of entry `" .. P.entry
            .. "`) is not provided by this host", 2)
    end
    module = make()
    loaded[name] = module
    return module
end

-- time ----------------------------------------------------------------------------------------
builtin.time = function()
    local time = {
        NANOSECOND = 1, MICROSECOND = 1000, MILLISECOND = 1000000, SECOND = 1000000000,
        MINUTE = 60000000000, HOUR = 3600000000000,
        RFC3339 = "2006-01-02T15:04:05Z07:00", RFC3339NANO = "2006-01-02T15:04:05.999999999Z07:00",
    }
    local function duration(d, level)
        if math.type(d) == "integer" then return d end
        if type(d) == "number" then return math.floor(d) end
        if type(d) == "string" then
            local ns, _, message = P.parse_duration(d)
            if ns == nil then error(message, level + 1) end
            return ns
        end
        error("a duration is a string such as \"250ms\" or integer nanoseconds, not " .. type(d), level + 1)
    end
    local Time = {__name = "time"}
    local TimeMethods = {}
    Time.__index = TimeMethods
    Time.__eq = function(a, b) return a._ns == b._ns end
    Time.__lt = function(a, b) return a._ns < b._ns end
    Time.__le = function(a, b) return a._ns <= b._ns end
    Time.__tostring = function(t) return P.format_time(t._ns, time.RFC3339NANO) end
    P.set_metatable("Time", Time)
    local function make_time(ns) return setmetatable({_ns = ns}, Time) end
    function TimeMethods:unix() return self._ns // 1000000000 end
    function TimeMethods:unix_nano() return self._ns end
    function TimeMethods:sub(other) return self._ns - other._ns end
    function TimeMethods:add(d) return make_time(self._ns + duration(d, 2)) end
    function TimeMethods:format(layout) return P.format_time(self._ns, layout or time.RFC3339) end
    function time.now() return make_time(P.time_now()) end
    function time.sleep(d) P.sleep(duration(d, 2)); return true end
    function time.after(d) return wrap_channel(P.timer(duration(d, 2), false)) end
    function time.tick(d) return wrap_channel(P.timer(duration(d, 2), true)) end
    function time.parse_duration(s)
        local ns, kind, message = P.parse_duration(s)
        if ns == nil then return nil, mkerr(kind, message) end
        return ns
    end
    return time
end

-- json, uuid, ctx -----------------------------------------------------------------------------
builtin.json = function()
    return {
        encode = function(value) return result(P.json_encode(value)) end,
        decode = function(text) return result(P.json_decode(text)) end,
    }
end
builtin.uuid = function()
    return {v4 = function() return P.uuid_v4() end, v7 = function() return P.uuid_v7() end}
end
builtin.ctx = function()
    return {
        get = function(key) return result(P.ctx_get(key)) end,
        all = function() return P.ctx_all() end,
    }
end

-- Bootstrap: run the entry's chunk, then its method with the spawn arguments -----------------
return function(chunk, method, ...)
    local module = chunk()
    local fn
    if method == nil or method == "" then
        fn = module
    elseif type(module) == "table" then
        fn = rawget(module, method)
    end
    if type(fn) ~= "function" then
        error("method `" .. tostring(method) .. "` not found: the chunk must return a table with that function", 0)
    end
    return fn(...)
end
"""#
}
