import WardenRuntime

extension LuaProcess {
    /// The Swift side of the `time` module: calendar fields, Go layouts, zones, durations and
    /// timer control. A time crosses as Unix seconds and nanoseconds; a zone as its name and
    /// its fixed offset (`nil` for a zone of the IANA database, `Local` for the machine's).
    func timeCall(_ function: LuaFunctionID, on stack: LuaStack) throws(ProcessError) -> LuaReturn {
        switch function {
        case .timeNow:
            let now = LuaTimer.nowNanoseconds()
            stack.push(now.floorDivided(by: 1_000_000_000))
            stack.push(now.floorModulo(1_000_000_000))
            return .results(2)
        case .timeFields:
            let instant = try instantArgument(stack, at: 1)
            let zone = try zoneArgument(stack, at: 3)
            let (offset, abbreviation) = zone.offset(atUnix: instant.seconds)
            let t = CivilTime(instant, offset: offset)
            for field in [t.year, t.month, t.day, t.hour, t.minute, t.second, t.weekday, t.yearDay, offset] {
                stack.push(field)
            }
            stack.push(abbreviation)
            return .results(10)
        case .formatTime:
            let instant = try instantArgument(stack, at: 1)
            let layout = try stringArgument(stack, at: 3, what: "layout")
            stack.push(GoTimeLayout.format(instant, zone: try zoneArgument(stack, at: 4), layout: layout))
            return .results(1)
        case .timeParse:
            let layout = try stringArgument(stack, at: 1, what: "layout")
            let value = try stringArgument(stack, at: 2, what: "time text")
            let zone = try zoneArgument(stack, at: 3)
            let parsed: GoTimeParser.Parsed
            do {
                parsed = try GoTimeParser(layout: layout, value: value).parse(defaultZone: zone)
            } catch {
                throw ProcessError(.invalid, error.message, code: "invalid-time")
            }
            stack.push(parsed.instant.seconds)
            stack.push(parsed.instant.nanoseconds)
            push(zone: parsed.zone, onto: stack)
            return .results(4)
        case .timeDate:
            var fields: [Int] = []
            for index: Int32 in 1...7 {
                guard let field = stack.integer(at: index) else {
                    throw ProcessError(
                        .invalid, "time.date: argument \(index) must be an integer, not \(stack.typeName(at: index))",
                        code: "invalid-argument")
                }
                fields.append(field)
            }
            let instant = GoInstant.from(
                year: fields[0], month: fields[1], day: fields[2], hour: fields[3], minute: fields[4],
                second: fields[5], nanosecond: fields[6], zone: try zoneArgument(stack, at: 8))
            stack.push(instant.seconds)
            stack.push(instant.nanoseconds)
            return .results(2)
        case .timeRound:
            let instant = try instantArgument(stack, at: 1)
            let step = stack.integer(at: 3) ?? 0
            let rounded = step > 0 ? instant.rounded(toMultipleOf: step, up: stack.boolean(at: 4)) : instant
            stack.push(rounded.seconds)
            stack.push(rounded.nanoseconds)
            return .results(2)
        case .loadLocation:
            let name = try stringArgument(stack, at: 1, what: "location name")
            guard !name.isEmpty else {
                throw ProcessError(.invalid, "time.load_location: the location name is empty", code: "invalid-argument")
            }
            guard let zone = GoZone.lookup(name: name, offset: nil) else {
                throw ProcessError(
                    .notFound, "unknown time zone \(name); hint: use an IANA name such as `Europe/Berlin`",
                    code: "not-found")
            }
            stack.push(zone.name)
            return .results(1)
        case .parseDuration:
            let text = try stringArgument(stack, at: 1, what: "duration")
            do {
                stack.push(try GoDuration.parse(text))
            } catch {
                throw ProcessError(.invalid, error.message, code: "invalid-duration")
            }
            return .results(1)
        case .durationString:
            stack.push(GoDuration.string(stack.integer(at: 1) ?? 0))
            return .results(1)
        case .timerControl:
            guard let channel = stack.channel(at: 1), case .timer(let timer)? = channel.source
            else {
                return .raise("not a timer")
            }
            if let nanoseconds = stack.integer(at: 2) {
                stack.push(timer.reset(delay: .nanoseconds(max(0, nanoseconds))))
            } else {
                stack.push(timer.stop())
            }
            return .results(1)
        default:
            return .raise("not a time function")
        }
    }

    private func instantArgument(_ stack: LuaStack, at index: Int32) throws(ProcessError) -> GoInstant {
        guard let seconds = stack.integer(at: index), let nanoseconds = stack.integer(at: index + 1) else {
            throw ProcessError(.invalid, "not a time value", code: "invalid-argument")
        }
        return GoInstant(seconds: seconds, nanoseconds: nanoseconds)
    }

    private func zoneArgument(_ stack: LuaStack, at index: Int32) throws(ProcessError) -> GoZone {
        let name = stack.string(at: index)
        guard let zone = GoZone.lookup(name: name, offset: stack.integer(at: index + 1)) else {
            throw ProcessError(.notFound, "unknown time zone \(name ?? "")", code: "not-found")
        }
        return zone
    }

    private func push(zone: GoZone, onto stack: LuaStack) {
        stack.push(zone.name)
        switch zone {
        case .fixed(_, let offset): stack.push(offset)
        case .named: stack.pushNil()
        }
    }
}

extension GoInstant {
    /// The instant rounded to a multiple of `step` nanoseconds counted from Go's zero time
    /// (down, or to the nearest with halves up when `up`), as Go's `Truncate` and `Round`.
    func rounded(toMultipleOf step: Int, up: Bool) -> GoInstant {
        let sinceZero = Int128(seconds - GoInstant.zero.seconds) * 1_000_000_000 + Int128(nanoseconds)
        let divisor = Int128(step)
        var remainder = sinceZero % divisor
        if remainder < 0 { remainder += divisor }
        var result = sinceZero - remainder
        if up && remainder + remainder >= divisor { result += divisor }
        let (wholeSeconds, fraction) = result.quotientAndRemainder(dividingBy: 1_000_000_000)
        return GoInstant(seconds: Int(wholeSeconds) + GoInstant.zero.seconds, nanoseconds: Int(fraction))
    }
}
