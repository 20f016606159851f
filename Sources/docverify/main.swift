import CLI

await DocverifyCommand.main()
