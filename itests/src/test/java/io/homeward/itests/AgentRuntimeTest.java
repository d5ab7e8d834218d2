package io.homeward.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AgentRuntimeTest extends RuntimeChecks {
    @Configuration
    public Option[] config() {
        return ShippedRuntime.options(feature());
    }

    @Override
    protected String feature() {
        return "agent";
    }
}
