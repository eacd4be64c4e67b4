package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.BaseHandler;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Unmanaged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Resolves handlers through CDI. A handler that is a {@code @Dependent} bean is obtained from the
 * container, so it gets the container's interceptors and decorators; any other class (no bean
 * archive, or a normal scope that would share one instance between sessions) is created as an
 * unmanaged instance, which still gets {@code @Inject} fields, {@code @PostConstruct} and
 * {@code @PreDestroy}.
 */
public final class CdiHandlerFactory implements HandlerFactory {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.cdi");

    private final BeanManager beanManager;
    private final Map<Class<? extends BaseHandler>, Supplier<Created>> creators = new ConcurrentHashMap<>();

    public CdiHandlerFactory(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    /** A factory on the running container, if {@code CDI.current()} finds one. */
    public static Optional<HandlerFactory> ifAvailable() {
        try {
            return Optional.of(new CdiHandlerFactory(CDI.current().getBeanManager()));
        } catch (IllegalStateException | LinkageError e) {
            LOG.debug("No CDI container: handlers are created without injection ({})", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Created create(Class<? extends BaseHandler> type) {
        return creators.computeIfAbsent(type, this::creatorFor).get();
    }

    /** How instances of {@code type} are made, decided once per class: resolving beans per session is costly. */
    private Supplier<Created> creatorFor(Class<? extends BaseHandler> type) {
        Bean<?> bean = dependentBean(type);
        return bean != null ? () -> fromContainer(bean, type) : unmanaged(type);
    }

    /**
     * The {@code @Dependent} bean whose class is exactly {@code type}, or {@code null}. Matched by
     * bean class, not resolved by type: a bean handler's subclass that is a bean too (the login
     * sample extends the echo sample) makes resolving the parent's type ambiguous.
     */
    private Bean<?> dependentBean(Class<? extends BaseHandler> type) {
        for (Bean<?> bean : beanManager.getBeans(type, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass() != type) {
                continue;
            }
            if (bean.getScope() != Dependent.class) {
                LOG.warn("Handler {} is {}-scoped; creating one instance per session instead",
                        type.getName(), bean.getScope().getSimpleName());
                return null;
            }
            return bean;
        }
        return null;
    }

    /** An instance of the bean from this factory's container, not whichever one CDI.current() finds. */
    private Created fromContainer(Bean<?> bean, Class<? extends BaseHandler> type) {
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        BaseHandler handler = type.cast(beanManager.getReference(bean, type, context));
        return new Created(handler, context::release);
    }

    /** One {@link Unmanaged} per class, reused for every session: it holds the class's injection target. */
    private <T extends BaseHandler> Supplier<Created> unmanaged(Class<T> type) {
        if (nothingToManage(type)) {
            return plain(type);
        }
        Unmanaged<T> unmanaged = new Unmanaged<>(beanManager, type);
        return () -> {
            Unmanaged.UnmanagedInstance<T> instance = unmanaged.newInstance().produce().inject().postConstruct();
            T handler = instance.get();
            return new Created(handler, () -> instance.preDestroy().dispose());
        };
    }

    /**
     * Whether CDI would do nothing for instances of {@code type}: no injection point, no
     * lifecycle callback and no interceptor binding anywhere in its class hierarchy. Such a
     * class (the echo samples, most simple handlers) is then made with its constructor, without
     * the creational context CDI keeps per instance (a few hundred bytes for each session's life).
     */
    private boolean nothingToManage(Class<? extends BaseHandler> type) {
        AnnotatedType<? extends BaseHandler> annotated = beanManager.createAnnotatedType(type);
        if (!beanManager.getInjectionTargetFactory(annotated).createInjectionTarget(null).getInjectionPoints().isEmpty()
                || annotated.getAnnotations().stream().anyMatch(this::managed)) {
            return false;
        }
        return annotated.getMethods().stream().noneMatch(method -> method.isAnnotationPresent(PostConstruct.class)
                || method.isAnnotationPresent(PreDestroy.class) || method.getAnnotations().stream().anyMatch(this::managed));
    }

    private boolean managed(Annotation annotation) {
        return beanManager.isInterceptorBinding(annotation.annotationType())
                || beanManager.isStereotype(annotation.annotationType());
    }

    private static Supplier<Created> plain(Class<? extends BaseHandler> type) {
        return () -> {
            try {
                return PlainHandlers.create(type);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + type.getName(), e);
            }
        };
    }
}
