local greet = {}

function greet.hello(name: string): string
    return "hello, " .. name
end

return greet
