.PHONY: run test bench
run:
	scripts/dev.sh run
test:
	scripts/dev.sh test
bench:
	scripts/dev.sh bench
