extension LuaPrelude {
    /// The `time` module: Wippy's (Go's) time values, durations, locations, layouts, sleeps,
    /// timers and tickers.
    static let time = #"""
        local P, core = ...
        local S = core()
        local setmetatable, getmetatable, type, error, math, tostring = setmetatable, getmetatable, type, error, math, tostring
        local mkerr = S.mkerr
        local time = {
            NANOSECOND = 1, MICROSECOND = 1000, MILLISECOND = 1000000, SECOND = 1000000000,
            MINUTE = 60000000000, HOUR = 3600000000000,
            RFC3339 = "2006-01-02T15:04:05Z07:00", RFC3339NANO = "2006-01-02T15:04:05.999999999Z07:00",
            RFC822 = "02 Jan 06 15:04 MST", RFC822Z = "02 Jan 06 15:04 -0700",
            RFC850 = "Monday, 02-Jan-06 15:04:05 MST", RFC1123 = "Mon, 02 Jan 2006 15:04:05 MST",
            RFC1123Z = "Mon, 02 Jan 2006 15:04:05 -0700", ANSIC = "Mon Jan _2 15:04:05 2006",
            UNIX_DATE = "Mon Jan _2 15:04:05 MST 2006", RUBY_DATE = "Mon Jan 02 15:04:05 -0700 2006",
            DATE_TIME = "2006-01-02 15:04:05", DATE_ONLY = "2006-01-02", TIME_ONLY = "15:04:05",
            KITCHEN = "3:04PM", STAMP = "Jan _2 15:04:05", STAMP_MILLI = "Jan _2 15:04:05.000",
            STAMP_MICRO = "Jan _2 15:04:05.000000", STAMP_NANO = "Jan _2 15:04:05.000000000",
            JANUARY = 1, FEBRUARY = 2, MARCH = 3, APRIL = 4, MAY = 5, JUNE = 6, JULY = 7, AUGUST = 8,
            SEPTEMBER = 9, OCTOBER = 10, NOVEMBER = 11, DECEMBER = 12,
            SUNDAY = 0, MONDAY = 1, TUESDAY = 2, WEDNESDAY = 3, THURSDAY = 4, FRIDAY = 5, SATURDAY = 6,
        }
        local MAXD, MIND = math.maxinteger, math.mininteger

        -- locations ---------------------------------------------------------------------------------
        local Location = {__name = "time.Location"}
        local LocationMethods = {}
        Location.__index = LocationMethods
        Location.__tostring = function(l) return l._name end
        function LocationMethods:string() return self._name end
        local function location(name, offset) return setmetatable({_name = name, _offset = offset}, Location) end
        time.utc = location("UTC", 0)
        time.localtz = location("Local", nil)
        P.set_metatable("Local", time.localtz)
        local function zone_of(l)
            if getmetatable(l) ~= Location then error("not a time location: " .. type(l), 3) end
            return l._name, l._offset
        end
        function time.fixed_zone(name, offset)
            if type(name) ~= "string" or math.type(offset) ~= "integer" then
                error("time.fixed_zone takes a name and an integer offset in seconds east of UTC", 2)
            end
            return location(name, offset)
        end
        function time.load_location(name)
            local loaded, err = P.load_location(name)
            if loaded == nil then return nil, err end
            if loaded == "UTC" then return time.utc end
            if loaded == "Local" then return time.localtz end
            return location(loaded, nil)
        end

        -- durations ---------------------------------------------------------------------------------
        local Duration = {__name = "time.Duration"}
        local DurationMethods = {}
        Duration.__index = DurationMethods
        local function make_duration(ns) return setmetatable({_d = ns}, Duration) end
        local function nanos(d, level)
            local t = math.type(d)
            if t == "integer" then return d end
            if t == "float" then return math.floor(d) end
            if getmetatable(d) == Duration then return d._d end
            if type(d) == "string" then
                local ns, err = P.parse_duration(d)
                if ns == nil then error(err:message(), level + 1) end
                return ns
            end
            error("a duration is a string such as \"250ms\", integer nanoseconds or a time.Duration, not " .. type(d), level + 1)
        end
        local function plain(v) if getmetatable(v) == Duration then return v._d end return v end
        Duration.__tostring = function(d) return P.duration_string(d._d) end
        Duration.__eq = function(a, b) return a._d == b._d end
        Duration.__lt = function(a, b) return nanos(a, 2) < nanos(b, 2) end
        Duration.__le = function(a, b) return nanos(a, 2) <= nanos(b, 2) end
        Duration.__add = function(a, b) return make_duration(nanos(a, 2) + nanos(b, 2)) end
        Duration.__sub = function(a, b) return make_duration(nanos(a, 2) - nanos(b, 2)) end
        Duration.__unm = function(a) return make_duration(-a._d) end
        Duration.__mul = function(a, b) return make_duration(math.floor(plain(a) * plain(b))) end
        Duration.__div = function(a, b)
            if getmetatable(b) == Duration then return a._d / b._d end
            return make_duration(math.floor(plain(a) / b))
        end
        Duration.__idiv = function(a, b)
            if getmetatable(b) == Duration then return a._d // b._d end
            return make_duration(plain(a) // b)
        end
        Duration.__mod = function(a, b) return make_duration(nanos(a, 2) % nanos(b, 2)) end
        function DurationMethods:hours() return self._d / 3600000000000 end
        function DurationMethods:minutes() return self._d / 60000000000 end
        function DurationMethods:seconds() return self._d / 1000000000 end
        function DurationMethods:milliseconds() return self._d // 1000000 end
        function DurationMethods:microseconds() return self._d // 1000 end
        function DurationMethods:nanoseconds() return self._d end
        function DurationMethods:string() return P.duration_string(self._d) end
        function DurationMethods:abs() if self._d < 0 and self._d ~= MIND then return make_duration(-self._d) end return self end
        function DurationMethods:truncate(m)
            m = nanos(m, 2)
            if m <= 0 then return self end
            return make_duration(self._d - math.fmod(self._d, m))
        end
        function DurationMethods:round(m)
            m = nanos(m, 2)
            if m <= 0 then return self end
            local r = math.fmod(self._d, m)
            if self._d < 0 then
                r = -r
                if r + r < m then return make_duration(self._d + r) end
                return make_duration(self._d - m + r)
            end
            if r + r < m then return make_duration(self._d - r) end
            return make_duration(self._d + m - r)
        end
        function time.parse_duration(v)
            if type(v) == "string" then
                local ns, err = P.parse_duration(v)
                if ns == nil then return nil, err end
                return make_duration(ns)
            end
            if math.type(v) == "integer" or getmetatable(v) == Duration then return make_duration(nanos(v, 2)) end
            if math.type(v) == "float" then return make_duration(math.floor(v)) end
            return nil, mkerr("INVALID", "a duration is a string such as \"250ms\", integer nanoseconds or a time.Duration, not " .. type(v))
        end

        -- time values -------------------------------------------------------------------------------
        local Time = {__name = "time.Time"}
        local TimeMethods = {}
        Time.__index = TimeMethods
        P.set_metatable("Time", Time)
        local function make_time(s, n, loc) return setmetatable({_s = s, _n = n, _loc = loc}, Time) end
        local function is_time(v) return getmetatable(v) == Time end
        local function check(t, level)
            if not is_time(t) then error("not a time value: " .. type(t), level + 1) end
            return t
        end
        local function zone(t) local l = t._loc or time.utc; return l._name, l._offset end
        local function fields(t) return P.time_fields(t._s, t._n, zone(t)) end
        local function format(t, layout) return P.format_time(t._s, t._n, layout, zone(t)) end
        local function before(a, b) return a._s < b._s or (a._s == b._s and a._n < b._n) end
        Time.__eq = function(a, b) return a._s == b._s and a._n == b._n end
        Time.__lt = function(a, b) return before(check(a, 2), check(b, 2)) end
        Time.__le = function(a, b) return not before(check(b, 2), check(a, 2)) end
        Time.__tostring = function(t) return format(t, "2006-01-02 15:04:05.999999999 -0700 MST") end
        local function add_nanos(t, d)
            local n = t._n + d % 1000000000
            local s = t._s + d // 1000000000 + n // 1000000000
            return make_time(s, n % 1000000000, t._loc)
        end
        function TimeMethods:unix() return self._s end
        function TimeMethods:unix_nano() return self._s * 1000000000 + self._n end
        function TimeMethods:nanosecond() return self._n end
        function TimeMethods:add(d) return add_nanos(self, nanos(d, 2)) end
        function TimeMethods:sub(other)
            check(other, 2)
            local ds, dn = self._s - other._s, self._n - other._n
            if ds > 9223372035 then return make_duration(MAXD) end
            if ds < -9223372035 then return make_duration(MIND) end
            return make_duration(ds * 1000000000 + dn)
        end
        function TimeMethods:add_date(years, months, days)
            local y, mo, d, h, mi, s = fields(self)
            local ns, nn = P.time_date(y + (years or 0), mo + (months or 0), d + (days or 0), h, mi, s, self._n, zone(self))
            return make_time(ns, nn, self._loc)
        end
        function TimeMethods:before(other) return before(self, check(other, 2)) end
        function TimeMethods:after(other) return before(check(other, 2), self) end
        function TimeMethods:equal(other) check(other, 2); return self._s == other._s and self._n == other._n end
        function TimeMethods:compare(other)
            check(other, 2)
            if before(self, other) then return -1 elseif before(other, self) then return 1 end
            return 0
        end
        function TimeMethods:is_zero() return self._s == -62135596800 and self._n == 0 end
        function TimeMethods:format(layout)
            if layout == nil then layout = time.RFC3339 end
            if type(layout) ~= "string" then error("format takes a Go layout string, not " .. type(layout), 2) end
            return format(self, layout)
        end
        function TimeMethods:format_rfc3339() return format(self, time.RFC3339) end
        function TimeMethods:string() return format(self, "2006-01-02 15:04:05.999999999 -0700 MST") end
        function TimeMethods:year() return (fields(self)) end
        function TimeMethods:month() local _, v = fields(self); return v end
        function TimeMethods:day() local _, _, v = fields(self); return v end
        function TimeMethods:hour() local _, _, _, v = fields(self); return v end
        function TimeMethods:minute() local _, _, _, _, v = fields(self); return v end
        function TimeMethods:second() local _, _, _, _, _, v = fields(self); return v end
        function TimeMethods:weekday() local _, _, _, _, _, _, v = fields(self); return v end
        function TimeMethods:year_day() local _, _, _, _, _, _, _, v = fields(self); return v end
        function TimeMethods:date() local y, mo, d = fields(self); return y, mo, d end
        function TimeMethods:clock() local _, _, _, h, mi, s = fields(self); return h, mi, s end
        function TimeMethods:zone() local _, _, _, _, _, _, _, _, offset, name = fields(self); return name, offset end
        function TimeMethods:utc() return make_time(self._s, self._n, time.utc) end
        function TimeMethods:in_local() return make_time(self._s, self._n, time.localtz) end
        function TimeMethods:in_location(l) zone_of(l); return make_time(self._s, self._n, l) end
        function TimeMethods:location() return self._loc or time.utc end
        function TimeMethods:truncate(d)
            local s, n = P.time_round(self._s, self._n, nanos(d, 2), false)
            return make_time(s, n, self._loc)
        end
        function TimeMethods:round(d)
            local s, n = P.time_round(self._s, self._n, nanos(d, 2), true)
            return make_time(s, n, self._loc)
        end

        function time.now()
            local s, n = P.time_now()
            return make_time(s, n, time.localtz)
        end
        function time.unix(sec, nsec)
            if math.type(sec) ~= "integer" then error("time.unix takes integer seconds, not " .. (math.type(sec) or type(sec)), 2) end
            return add_nanos(make_time(sec, 0, time.localtz), nsec or 0)
        end
        function time.date(year, month, day, hour, min, sec, nsec, loc)
            loc = loc or time.localtz
            local s, n = P.time_date(year, month, day, hour or 0, min or 0, sec or 0, nsec or 0, zone_of(loc))
            return make_time(s, n, loc)
        end
        function time.parse(layout, value, loc)
            if loc ~= nil then zone_of(loc) end
            local base = loc or time.utc
            local s, n, name, offset = P.time_parse(layout, value, base._name, base._offset)
            if s == nil then return nil, n end
            if name == base._name and offset == base._offset then return make_time(s, n, base) end
            if name == "UTC" and offset == 0 then return make_time(s, n, time.utc) end
            return make_time(s, n, location(name, offset))
        end

        -- sleeping and timers -----------------------------------------------------------------------
        local function positive(d, what)
            local ns = nanos(d, 3)
            if ns <= 0 then return nil, mkerr("INVALID", what .. " needs a positive duration") end
            return ns
        end
        function time.sleep(d) P.sleep(nanos(d, 2)); return true end
        function time.after(d) return P.timer(math.max(0, nanos(d, 2)), false) end
        function time.tick(d) return P.timer(nanos(d, 2), true) end
        local Timer = {__name = "time.Timer"}
        local TimerMethods = {}
        Timer.__index = TimerMethods
        function TimerMethods:response() return self._ch end
        function TimerMethods:channel() return self._ch end
        function TimerMethods:stop() return P.timer_control(self._ch) end
        function TimerMethods:reset(d)
            local ns = nanos(d, 2)
            if self._ticker and ns <= 0 then error("a ticker needs a positive duration", 2) end
            return P.timer_control(self._ch, math.max(0, ns))
        end
        local function timer(d, repeating, what)
            local ns, err = positive(d, what)
            if ns == nil then return nil, err end
            return setmetatable({_ch = P.timer(ns, repeating), _ticker = repeating}, Timer)
        end
        function time.timer(d) return timer(d, false, "time.timer") end
        function time.ticker(d) return timer(d, true, "time.ticker") end
        return time
        """#
}
