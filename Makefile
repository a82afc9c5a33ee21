# trustml: the two set-up commands are `make demo` and `make test`.
MVN ?= mvn -B -q
SAMPLE ?= sample-models/sentiment-nodp

.PHONY: build test demo bench sample-models format clean test-long

build:
	$(MVN) -DskipTests package

test:
	$(MVN) verify

demo: build
	./trustml model inspect $(SAMPLE)

bench: build
	@echo "bench: not yet implemented (issue #7)"

sample-models: build
	@echo "sample-models: not yet implemented (issue #3)"

format:
	$(MVN) spotless:apply

clean:
	$(MVN) clean
