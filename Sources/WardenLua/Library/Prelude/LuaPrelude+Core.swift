extension LuaPrelude {
    /// Error values, messages and channel objects, shared by the other pieces through `S`.
    static let core = #"""
        local P, S = ...
        local setmetatable, tostring, error = setmetatable, tostring, error
        local unpack = table.unpack

        local Error = {__name = "error"}
        Error.__index = {
            kind = function(e) return e._kind end,
            message = function(e) return e._message end,
        }
        Error.__tostring = function(e) return e._message end
        Error.__concat = function(a, b) return tostring(a) .. tostring(b) end
        P.set_metatable("Error", Error)

        function S.mkerr(kind, message)
            return setmetatable({_kind = kind, _message = message}, Error)
        end
        local mkerr = S.mkerr

        function S.result(value, kind, message)
            if value == nil and kind ~= nil then return nil, mkerr(kind, message) end
            return value
        end

        local Payload = {__name = "payload"}
        Payload.__index = {data = function(p) return unpack(p._values, 1, p._n) end}
        local Message = {__name = "message"}
        Message.__index = {
            topic = function(m) return m[1] end,
            from = function(m) return m[2] end,
            payload = function(m) return setmetatable({_values = m[3], _n = m[4]}, Payload) end,
        }
        P.set_metatable("Message", Message)

        local Channel = {__name = "channel"}
        local ChannelMethods = {}
        Channel.__index = ChannelMethods
        S.Channel = Channel
        function S.wrap_channel(handle) return setmetatable({_h = handle}, Channel) end

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
        """#
}
