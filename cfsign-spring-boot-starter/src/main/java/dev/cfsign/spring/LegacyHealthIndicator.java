package dev.cfsign.spring;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CloudFrontVerifier;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Actuator health on Spring Boot 3.5, whose {@code HealthIndicator} lives in {@code org.springframework.boot.actuate
 * .health} (4.0 moved it). The starter compiles against 4.0 only, so the 3.5 interface is implemented by a proxy over
 * the same {@link KeyHealth}; the bean definition carries the interface as its type so Actuator finds it.
 */
final class LegacyHealthIndicator implements ImportBeanDefinitionRegistrar, BeanFactoryAware, BeanClassLoaderAware {
    static final String INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
    private static final String HEALTH = "org.springframework.boot.actuate.health.Health";

    private BeanFactory beanFactory;
    private ClassLoader classLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(CfsignHealthAutoConfiguration.HEALTH_INDICATOR)) {
            return;
        }
        Class<?> type = load(INDICATOR);
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(type);
        definition.setInstanceSupplier(() -> create(type, () -> KeyHealth.of(beanFactory.getBean(CloudFrontSigner.class),
                beanFactory.getBeanProvider(CloudFrontVerifier.class).getIfAvailable())));
        registry.registerBeanDefinition(CfsignHealthAutoConfiguration.HEALTH_INDICATOR, definition);
    }

    private Object create(Class<?> type, Supplier<KeyHealth> health) {
        Class<?> healthClass = load(HEALTH);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("health") && method.getParameterCount() == 0) {
                return toHealth(healthClass, health.get());
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "toString" -> "CfsignHealthIndicator";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        };
        return Proxy.newProxyInstance(classLoader, new Class<?>[] {type}, handler);
    }

    private static Object toHealth(Class<?> healthClass, KeyHealth h) throws ReflectiveOperationException {
        Object builder = healthClass.getMethod(h.up() ? "up" : "down").invoke(null);
        Method withDetails = builder.getClass().getMethod("withDetails", Map.class);
        withDetails.invoke(builder, h.details());
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the class path", e);
        }
    }
}
