import Testing
import WardenLua
import WardenRuntime
import WardenValue

/// The `time` module against the behaviour of Go's `time` package that Wippy's module exposes;
/// expected values are worked out from Go's documented layout rules and the calendar.
@Suite(.timeLimit(.minutes(1))) struct LuaTimeTests {
    private func run(_ body: String) async throws -> Value? {
        exitValue(
            try await runLua(
                """
                local time = require("time")
                return { main = function()
                \(body)
                end }
                """, modules: ["time"]))
    }

    @Test func formatsEveryLayoutElement() async throws {
        let value = try await run(
            """
            local t = time.date(2024, time.DECEMBER, 29, 15, 4, 5, 123456789, time.utc)
            local early = time.date(2024, 3, 5, 9, 7, 3, 0, time.utc)
            return {
                t:format(time.RFC3339), t:format(time.RFC3339NANO), t:format("Mon Jan 2, 2006"),
                t:format(time.KITCHEN), t:format(time.RFC1123), t:format(time.STAMP_MILLI),
                t:format("Monday January 02 06 002 __2"), t:format("05.999 05.000000 05,000 05.9"),
                early:format("_2|2|02|3|03|pm|PM|4|04|5|05|1|01"), early:format("January is not Janet"),
                t:weekday(), t:year_day(), t:format_rfc3339(), tostring(t),
            }
            """)
        #expect(
            value == [
                "2024-12-29T15:04:05Z", "2024-12-29T15:04:05.123456789Z", "Sun Dec 29, 2024", "3:04PM",
                "Sun, 29 Dec 2024 15:04:05 UTC", "Dec 29 15:04:05.123", "Sunday December 29 24 364 364",
                "05.123 05.123456 05,123 05.1", " 5|5|05|9|09|am|AM|7|07|3|03|3|03", "March is not Janet", 0, 364,
                "2024-12-29T15:04:05Z", "2024-12-29 15:04:05.123456789 +0000 UTC",
            ])
    }

    @Test func zonesFixedAndFromTheDatabase() async throws {
        let value = try await run(
            """
            local t = time.date(2024, 12, 29, 15, 4, 5, 0, time.utc)
            local ist = time.fixed_zone("IST", 5 * 3600 + 30 * 60)
            local ny = assert(time.load_location("America/New_York"))
            local summer = time.date(2024, 7, 4, 12, 0, 0, 0, ny)
            local winter = time.date(2024, 1, 15, 12, 0, 0, 0, ny)
            local _, unknown = time.load_location("Unknown/Zone")
            local _, empty = time.load_location("")
            local name, offset = summer:zone()
            return {
                t:in_location(ist):format(time.RFC3339), t:in_location(ist):format("MST -0700 -07 Z07:00:00"),
                summer:utc():format(time.RFC3339), summer:format("15:04 MST Z07:00"),
                winter:utc():format(time.RFC3339), winter:format("MST"), name, offset,
                ny:string(), tostring(time.utc), time.now():location():string(), t:in_location(ist):equal(t),
                t:in_location(ist) == t, unknown:kind(), empty:kind(),
            }
            """)
        #expect(
            value == [
                "2024-12-29T20:34:05+05:30", "IST +0530 +05 +05:30:00", "2024-07-04T16:00:00Z",
                "12:00 EDT -04:00", "2024-01-15T17:00:00Z", "EST", "EDT", -14400, "America/New_York", "UTC",
                "Local", true, true, "NOT_FOUND", "INVALID",
            ])
    }

    @Test func parsesAsGoDoes() async throws {
        let value = try await run(
            """
            local ny = assert(time.load_location("America/New_York"))
            local utc = assert(time.parse(time.RFC3339, "2024-12-29T15:04:05Z"))
            local offset = assert(time.parse(time.RFC3339, "2024-12-29T15:04:05+05:30"))
            local est = assert(time.parse("2006-01-02 15:04:05 MST", "2024-12-29 14:30:00 EST"))
            local est_ny = assert(time.parse("2006-01-02 15:04 MST", "2024-12-29 14:30 EST", ny))
            local local_ny = assert(time.parse("2006-01-02 15:04", "2024-12-29 14:30", ny))
            local clock = assert(time.parse("15:04:05", "14:30:00.25"))
            local midnight = assert(time.parse(time.KITCHEN, "12:30AM"))
            local afternoon = assert(time.parse(time.KITCHEN, "1:05PM"))
            local march = assert(time.parse("02 Jan 2006", "05 mar 2024"))
            local gmt = assert(time.parse("2006-01-02 15 MST", "2024-12-29 15 GMT+3"))
            return {
                utc:unix(), offset:unix(), offset:format(time.RFC3339), est:unix(), est:location():string(),
                est_ny:unix(), est_ny:location():string(), local_ny:unix(), clock:year(), clock:month(),
                clock:day(), clock:nanosecond(), midnight:hour(), afternoon:hour(), march:month(),
                gmt:format(time.RFC3339),
            }
            """)
        #expect(
            value == [
                1_735_484_645, 1_735_464_845, "2024-12-29T15:04:05+05:30", 1_735_482_600, "EST", 1_735_500_600,
                "America/New_York", 1_735_500_600, 0, 1, 1, 250_000_000, 0, 13, 3, "2024-12-29T15:00:00+03:00",
            ])
    }

    @Test func parseErrorsSayWhatDidNotFit() async throws {
        let value = try await run(
            """
            local out = {}
            for _, case in ipairs({
                {"2006-01-02", "2024-13-01"}, {time.RFC3339, "invalid"}, {"2006-01-02", "2024-12-29x"},
                {"2006-01-02", "2023-02-29"}, {"15:04", "25:00"},
            }) do
                local t, err = time.parse(case[1], case[2])
                out[#out + 1] = t == nil and err:kind() .. ": " .. err:message() or "parsed"
            end
            return out
            """)
        #expect(
            value == [
                "INVALID: parsing time \"2024-13-01\": month out of range",
                "INVALID: parsing time \"invalid\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"invalid\" as \"2006\"",
                "INVALID: parsing time \"2024-12-29x\": extra text: \"x\"",
                "INVALID: parsing time \"2023-02-29\": day out of range",
                "INVALID: parsing time \"25:00\": hour out of range",
            ])
    }

    @Test func calendarArithmeticAndComparison() async throws {
        let value = try await run(
            """
            local utc = time.utc
            local jan31 = time.date(2024, 1, 31, 0, 0, 0, 0, utc)
            local t1 = time.date(2024, 1, 1, 0, 0, 0, 0, utc)
            local t2 = time.date(2024, 1, 2, 0, 0, 0, 0, utc)
            local carried = time.date(2024, 14, 0, 25, 0, 0, 0, utc)
            local late = time.date(2024, 12, 29, 15, 44, 5, 0, utc)
            local y, m, d = late:date()
            local h, mi, s = late:clock()
            return {
                jan31:add_date(0, 1, 0):format(time.DATE_ONLY), jan31:add_date(1, 0, -31):format(time.DATE_ONLY),
                carried:format(time.DATE_TIME), t1:before(t2), t2:after(t1), t1:equal(t1), t1 < t2, t2 >= t1,
                t2:sub(t1):hours(), tostring(t2:sub(t1)), late:truncate(time.HOUR):format(time.TIME_ONLY),
                late:round("1h"):format(time.TIME_ONLY), late:round(time.parse_duration("15m")):format(time.TIME_ONLY),
                y, m, d, h, mi, s, time.unix(1703862245, 0):utc():format_rfc3339(),
                time.unix(0, 1500000000):unix(), time.unix(0, 1500000000):nanosecond(),
                time.date(1, 1, 1, 0, 0, 0, 0, utc):is_zero(), t1:is_zero(),
            }
            """)
        #expect(
            value == [
                "2024-03-02", "2024-12-31", "2025-02-01 01:00:00", true, true, true, true, true, 24.0, "24h0m0s",
                "15:00:00", "16:00:00", "15:45:00", 2024, 12, 29, 15, 44, 5, "2023-12-29T15:04:05Z", 1,
                500_000_000, true, false,
            ])
    }

    @Test func durationsParsePrintAndCompute() async throws {
        let value = try await run(
            """
            local d = assert(time.parse_duration("1h30m45s500ms"))
            local odd = assert(time.parse_duration("1h15m30.918273645s"))
            local out = {
                d:seconds(), d:milliseconds(), tostring(d), tostring(assert(time.parse_duration("1.5h"))),
                tostring(assert(time.parse_duration("-2.5ms"))), tostring(assert(time.parse_duration("300us"))),
                tostring(assert(time.parse_duration("300µs"))), assert(time.parse_duration(time.SECOND)):string(),
                odd:round(time.MILLISECOND):string(), odd:truncate(time.SECOND):string(),
                tostring(d + "30s"), tostring(d * 2), tostring(d / 2), d / time.parse_duration("1s"),
                d > time.HOUR, d < "2h", -d < d, tostring(assert(time.parse_duration("0"))),
            }
            for _, bad in ipairs({"", "5", "5d", "1.h.", "99999999999h"}) do
                local ok, err = time.parse_duration(bad)
                out[#out + 1] = ok == nil and err:kind() or "accepted " .. bad
            end
            return out
            """)
        #expect(
            value == [
                5445.5, 5_445_500, "1h30m45.5s", "1h30m0s", "-2.5ms", "300µs", "300µs", "1s", "1h15m30.918s",
                "1h15m30s", "1h31m15.5s", "3h1m31s", "45m22.75s", 5445.5, true, true, true, "0s", "INVALID",
                "INVALID", "INVALID", "INVALID", "INVALID",
            ])
    }

    @Test func timersStopAndResetAndTickersStop() async throws {
        let value = try await run(
            """
            local out = {}
            local tm = assert(time.timer("2s"))
            out[#out + 1] = tm:stop()
            local r = channel.select({tm:response():case_receive(), time.after("60ms"):case_receive()})
            out[#out + 1] = r.channel ~= tm:response()
            out[#out + 1] = tm:reset("10ms")
            out[#out + 1] = tm:channel():receive():unix() > 0
            local long = assert(time.timer("1h"))
            out[#out + 1] = long:reset("10ms")
            out[#out + 1] = long:response():receive() ~= nil
            local tk = assert(time.ticker("5ms"))
            tk:response():receive()
            tk:response():receive()
            out[#out + 1] = tk:stop()
            time.sleep("50ms") -- a tick fired just before the stop may still be on its way
            while channel.select({tk:response():case_receive(), default = true}).default == nil do end
            local after = channel.select({tk:response():case_receive(), time.after("40ms"):case_receive()})
            out[#out + 1] = after.channel ~= tk:response()
            local _, bad = time.timer(0)
            out[#out + 1] = bad:kind()
            return out
            """)
        #expect(value == [true, true, false, true, true, true, true, true, "INVALID"])
    }
}
