import WardenCLI

await runWarden()
