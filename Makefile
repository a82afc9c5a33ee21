# trustml: the two set-up commands are `make demo` and `make test`.
MVN ?= mvn -B -q
SAMPLE ?= sample-models/sentiment-nodp

.PHONY: build test demo bench sample-models sample-data format clean test-long

SAMPLE_NPM := sample-models/target/npm

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

# Re-downloads (npm pack) the two source packages if missing and regenerates
# sample-models/data/{sentiment.csv,spam.csv,SOURCES.md}; output is deterministic.
sample-data:
	sample-models/scripts/fetch-data.sh
	$(MVN) -pl sample-models -am -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	java -cp "sample-models/target/classes:$$(cat sample-models/target/classpath.txt)" \
	  dev.trustml.samples.data.PrepareDatasets \
	  $(SAMPLE_NPM)/sentiment/package $(SAMPLE_NPM)/spam-assassin/package sample-models/data
