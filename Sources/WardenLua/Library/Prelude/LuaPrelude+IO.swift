extension LuaPrelude {
    /// The `io` module of terminal hosts: `print(...)`, `write(...)` and `readline()`.
    static let io = #"""
        local P = ...
        local select, tostring, type, error, concat = select, tostring, type, error, table.concat
        P.io_check()

        local io = {}
        function io.write(...)
            local parts = {}
            for i = 1, select("#", ...) do
                local v = select(i, ...)
                local t = type(v)
                if t ~= "string" and t ~= "number" then
                    error("io.write takes strings and numbers, not " .. t .. " (argument " .. i .. "); hint: use tostring", 2)
                end
                parts[i] = tostring(v)
            end
            P.io_write(concat(parts))
            return true
        end
        function io.print(...)
            local parts = {}
            for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
            P.io_write(concat(parts, "\t") .. "\n")
            return true
        end
        function io.readline() return P.io_readline() end
        return io
        """#
}
