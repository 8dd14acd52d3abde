module nexusliberty/reference

go 1.21
