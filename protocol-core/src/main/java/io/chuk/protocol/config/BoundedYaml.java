package io.chuk.protocol.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.List;

/**
 * SnakeYAML with every cost bounded. Its safe constructor (no arbitrary types) and refusal of
 * duplicate keys stay; on top of them:
 * <ul>
 *   <li>no line longer than {@link #MAX_LINE_LENGTH}: SnakeYAML copies its whole window for every
 *       1 KiB it reads while one token is being scanned, so one long token costs the square of its
 *       length (and its code-point limit is only checked between tokens);</li>
 *   <li>at most {@link #MAX_NODES} nodes, {@link #MAX_NESTING} levels and {@link #MAX_ALIASES}
 *       aliases of collections, so no document expands into more than a bounded graph;</li>
 *   <li>mapping keys are scalars, so no key's hash walks an aliased graph;</li>
 *   <li>integers of at most {@link #MAX_NUMBER_LENGTH} characters: the JDK parses long digit strings
 *       in quadratic time;</li>
 *   <li>and the loading deadline, checked at every node.</li>
 * </ul>
 */
final class BoundedYaml {

    static final int MAX_LINE_LENGTH = 64 * 1024;
    static final int MAX_NODES = 20_000;
    static final int MAX_NESTING = 20;
    static final int MAX_ALIASES = 20;
    static final int MAX_NUMBER_LENGTH = 100;

    private BoundedYaml() {
    }

    /** The document in {@code text}, or a {@link ConfigException} naming {@code source}. */
    static Object load(String text, String source, Deadline deadline) throws ConfigException {
        checkLines(text, source);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(ConfigText.MAX_BYTES);
        try {
            SafeConstructor constructor = new BoundedConstructor(options);
            constructor.setComposer(new BoundedComposer(new ParserImpl(new StreamReader(text), options), options, deadline));
            return constructor.getSingleData(Object.class);
        } catch (LimitException e) {
            throw new ConfigException(source, "", e.getMessage());
        } catch (YAMLException e) {
            throw new ConfigException(source, "", "not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
    }

    /** Line breaks as YAML counts them: LF, CR (a CR LF pair once), NEL, LS and PS. */
    private static void checkLines(String text, String source) throws ConfigException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (i - start > MAX_LINE_LENGTH) {
                    throw new ConfigException(source, "", "line " + line + " is " + (i - start)
                            + " characters long, more than the limit of " + MAX_LINE_LENGTH + "; it was not parsed");
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** A bound was reached: not a syntax error, so reported without "not valid YAML". */
    private static final class LimitException extends YAMLException {
        LimitException(String message) {
            super(message);
        }
    }

    private static final class BoundedComposer extends Composer {
        private final Deadline deadline;
        private int nodes;

        BoundedComposer(ParserImpl parser, LoaderOptions options, Deadline deadline) {
            super(parser, new Resolver(), options);
            this.deadline = deadline;
        }

        @Override
        protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
            count();
            return super.composeScalarNode(anchor, blockComments);
        }

        @Override
        protected Node composeSequenceNode(String anchor) {
            count();
            return super.composeSequenceNode(anchor);
        }

        @Override
        protected Node composeMappingNode(String anchor) {
            count();
            return super.composeMappingNode(anchor);
        }

        @Override
        protected Node composeKeyNode(MappingNode node) {
            Node key = super.composeKeyNode(node);
            if (!(key instanceof ScalarNode)) {
                throw new LimitException(at(key.getStartMark()) + ": a " + (key instanceof SequenceNode ? "list" : "map")
                        + " cannot be a key; keys are plain names such as port");
            }
            return key;
        }

        private void count() {
            if (++nodes > MAX_NODES) {
                throw new LimitException("more than " + MAX_NODES + " YAML values (the limit); it was not loaded");
            }
            if (deadline.passed()) {
                throw new LimitException("parsing took longer than " + deadline.allowed());
            }
        }
    }

    private static final class BoundedConstructor extends SafeConstructor {
        BoundedConstructor(LoaderOptions options) {
            super(options);
            setAllowDuplicateKeys(false); // the constructor's own copy of the option, which Yaml would set
            yamlConstructors.put(Tag.INT, new BoundedInt());
        }

        /** SnakeYAML lets the JDK's exceptions for values such as {@code !!int abc} escape; give them a position. */
        @Override
        protected Object constructObjectNoCheck(Node node) {
            try {
                return super.constructObjectNoCheck(node);
            } catch (YAMLException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new YAMLException(at(node.getStartMark()) + ": not a valid "
                        + node.getTag().getValue().replace(Tag.PREFIX, "!!") + ": " + e.getMessage(), e);
            }
        }

        private final class BoundedInt extends ConstructYamlInt {
            @Override
            public Object construct(Node node) {
                int length = ((ScalarNode) node).getValue().length();
                if (length > MAX_NUMBER_LENGTH) {
                    throw new LimitException(at(node.getStartMark()) + ": an integer of " + length
                            + " characters, more than the limit of " + MAX_NUMBER_LENGTH);
                }
                return super.construct(node);
            }
        }
    }
}
