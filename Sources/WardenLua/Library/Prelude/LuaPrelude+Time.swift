extension LuaPrelude {
    /// The `time` module.
    static let time = #"""
        local P, core = ...
        local S = core()
        local setmetatable, type, error, math = setmetatable, type, error, math
        local mkerr, wrap_channel = S.mkerr, S.wrap_channel
        -- time ----------------------------------------------------------------------------------------
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
        """#
}
