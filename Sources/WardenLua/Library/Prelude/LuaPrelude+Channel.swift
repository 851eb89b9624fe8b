extension LuaPrelude {
    /// The `channel` global.
    static let channel = #"""
        local P, core = ...
        local type, getmetatable, error = type, getmetatable, error
        local Channel = core().Channel
        local channel_select = P.channel_select

        channel = {new = P.channel_new}
        function channel.select(cases)
            if type(cases) ~= "table" then error("channel.select takes a list of cases; hint: channel.select({ch:case_receive()})", 2) end
            local count = #cases
            for i = 1, count do
                local c = cases[i]
                if type(c) ~= "table" or getmetatable(c._channel) ~= Channel then
                    error("channel.select: case " .. i .. " is not a channel case; hint: use ch:case_receive() or ch:case_send(v)", 2)
                end
            end
            local index, value, ok = channel_select(cases, count, cases.default == true)
            if index == nil then error(value, 2) end
            if index == 0 then return {default = true} end
            return {channel = cases[index]._channel, value = value, ok = ok}
        end
        """#

    /// The `coroutine` global: Lua's own library plus `coroutine.spawn`.
    static let coroutine = #"""
        local P = ...
        local type, error = type, error
        coroutine = P.open_library("coroutine")
        coroutine.spawn = function(fn, ...)
            if type(fn) ~= "function" then error("coroutine.spawn takes a function", 2) end
            return P.coroutine_spawn(fn, ...)
        end
        """#
}
