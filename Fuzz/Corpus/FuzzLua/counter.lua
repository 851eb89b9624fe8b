-- A counter: `add` adds the payload, `get` answers the sender with the total. Stops on cancel.
local function main()
    local ok, err = process.registry.register("app.counter")
    if not ok then return nil, err end
    local total = 0
    local inbox, events = process.inbox(), process.events()
    while true do
        local r = channel.select{inbox:case_receive(), events:case_receive()}
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then return total end
        else
            local msg = r.value
            if msg:topic() == "add" then
                total = total + msg:payload():data()
            elseif msg:topic() == "get" then
                process.send(msg:from(), "value", total)
            end
        end
    end
end

return {main = main}
